package io.udm.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.ReindexResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "reindex", mixinStandardHelpOptions = true,
    description = {"Fill in every item's indexed properties (collectionMaps.<c>.indexedProps) from its data, without"
        + " new versions, then let listings filter and sort on properties added since the items were written."
        + " Safe while writers run; run it again to finish an interrupted one. Needs --confirm."})
final class ReindexCommand extends UdmCommand {
  @Mixin
  CollectionOption collection;

  @Option(names = "--confirm", description = "Confirm rewriting the index entries of every item.")
  boolean confirm;

  @Override
  void check() {
    if (!confirm) {
      throw usage("reindex rewrites the index entries of every item in the collection: add --confirm");
    }
  }

  @Override
  int run(CliSession session) {
    progress("reindexing " + collection.get() + "...");
    ReindexResult r;
    try (ProgressDisplay display = progressDisplay()) {
      r = session.udm().maintenance().reindex(collection.get(), display);
    }
    if (json) {
      ObjectNode node = Render.object();
      node.put("itemsScanned", r.itemsScanned());
      node.put("itemsUpdated", r.itemsUpdated());
      printJson(node);
    } else {
      out().println("reindexed " + collection.get() + ": " + r.itemsScanned() + " items scanned, " + r.itemsUpdated()
          + " updated");
    }
    return UdmCli.OK;
  }
}
