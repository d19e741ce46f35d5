package io.udm.spi;

/** The three buckets of a backend's object storage. */
public enum BlobArea { JSON, CONTENT, BACKUPS }
