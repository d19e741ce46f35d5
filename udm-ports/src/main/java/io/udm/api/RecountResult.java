package io.udm.api;

/**
 * What {@link MaintenanceApi#recountTotals} did: how many heads it read (deleted ones included) and
 * the collection's totals afterwards.
 */
public record RecountResult(long itemsScanned, Totals totals) {}
