package io.udm.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.HardDeleteOptions;
import io.udm.api.HardDeleteResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "hard-delete", mixinStandardHelpOptions = true,
    description = {"Irreversibly remove an item: its head, every version, every payload and content object."
        + " Needs --confirm, and hardDeleteEnabled: true in the config."})
final class HardDeleteCommand extends UdmCommand {
  @Mixin
  CollectionOption collection;

  @Parameters(index = "0", paramLabel = "ID", description = "The item's id.")
  String id;

  @Option(names = "--confirm", description = "Confirm that the item and its whole history go for good.")
  boolean confirm;

  @Override
  void check() {
    requireId(id);
    if (!confirm) {
      throw usage("hard-delete removes " + id + " and its whole history for good: add --confirm"
          + " (to keep the history, use udm delete)");
    }
  }

  @Override
  int run(CliSession session) {
    HardDeleteResult r = session.udm().maintenance().hardDelete(collection.get(), id, HardDeleteOptions.confirmed());
    if (json) {
      ObjectNode node = Render.object();
      node.put("id", id);
      node.put("versionsRemoved", r.versionsRemoved());
      node.put("objectsRemoved", r.objectsRemoved());
      printJson(node);
    } else {
      out().println("hard-deleted " + id + " from " + collection.get() + ": " + r.versionsRemoved() + " versions and "
          + r.objectsRemoved() + " stored objects removed");
    }
    return UdmCli.OK;
  }
}
