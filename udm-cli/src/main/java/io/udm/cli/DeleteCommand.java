package io.udm.cli;

import io.udm.api.DeleteResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "delete", mixinStandardHelpOptions = true,
    description = {"Logically delete an item: a new version marked deleted. Its history stays, and"
        + " restore brings it back (hard-delete removes it for good)."})
final class DeleteCommand extends UdmCommand {
  @Mixin
  CollectionOption collection;

  @Parameters(index = "0", paramLabel = "ID", description = "The item's id.")
  String id;

  @Mixin
  WriteOptionsMixin write;

  @Override
  void check() {
    requireId(id);
    write.build(null);
  }

  @Override
  int run(CliSession session) {
    DeleteResult r = session.items(collection.get()).delete(id, write.build(null));
    if (json) {
      printJson(Render.write("DELETE", r.id(), r.ov(), r.cv(), r.at()));
    } else {
      out().println("deleted " + r.id() + " in " + collection.get() + ": ov " + r.ov() + ", cv " + r.cv() + ", at " + r.at());
    }
    return UdmCli.OK;
  }
}
