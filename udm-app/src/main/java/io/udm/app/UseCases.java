package io.udm.app;

/** The use-case services, built once per {@link UdmService}. */
record UseCases(
    CreateItemService create,
    UpdateItemService update,
    DeleteItemService delete,
    ReadItemService read,
    ListItemsService list,
    EnrichItemService enrich,
    RestoreService restore) {}
