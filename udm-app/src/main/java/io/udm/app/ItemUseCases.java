package io.udm.app;

import io.udm.app.changes.ChangeFeedService;
import io.udm.app.changes.VersionDiffService;
import io.udm.app.history.RestoreService;
import io.udm.app.read.ListItemsService;
import io.udm.app.read.ReadItemService;
import io.udm.app.write.ItemWriteService;

/** The use cases behind {@link io.udm.api.ItemOps}, one set per {@link UdmService}. */
public record ItemUseCases(ItemWriteService writes, ReadItemService reads, ListItemsService lists,
    RestoreService restores, VersionDiffService diffs, ChangeFeedService changes) {}
