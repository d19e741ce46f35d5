package io.udm.api;

/** The kind of write that produced a version; also names the operations a counter rule reacts to. */
public enum Op { CREATE, UPDATE, DELETE, ENRICH, RESTORE }
