package io.udm.api;

/** Outcome of a collection restore: the collection version after it, and what happened to the items. */
public record CollectionRestoreResult(long cv, long restored, long unchanged, long deleted) {}
