package io.udm.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.RetentionResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "retention", mixinStandardHelpOptions = true,
    description = {"Prune old versions per the config's retention.ver (days, maxPerItem); the newest version"
        + " of every item always stays. Needs --confirm."})
final class RetentionCommand extends UdmCommand {
  @Mixin
  CollectionOption collection;

  @Option(names = "--confirm", description = "Confirm that pruned versions go for good.")
  boolean confirm;

  @Override
  void check() {
    if (!confirm) {
      throw usage("retention removes old versions for good: add --confirm");
    }
  }

  @Override
  int run(CliSession session) {
    progress("applying retention to " + collection.get() + "...");
    RetentionResult r;
    try (ProgressDisplay display = progressDisplay()) {
      r = session.udm().maintenance().applyRetention(collection.get(), display);
    }
    if (json) {
      ObjectNode node = Render.object();
      node.put("versionsPruned", r.versionsPruned());
      node.put("objectsRemoved", r.objectsRemoved());
      printJson(node);
    } else {
      out().println("pruned " + r.versionsPruned() + " versions and " + r.objectsRemoved() + " stored objects from "
          + collection.get());
    }
    return UdmCli.OK;
  }
}
