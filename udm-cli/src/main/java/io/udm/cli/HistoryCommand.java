package io.udm.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.VersionInfo;
import io.udm.api.error.NotFoundException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "history", mixinStandardHelpOptions = true,
    description = "Every version of an item, oldest first: ov, cv, time, operation, actor, reason, function.")
final class HistoryCommand extends UdmCommand {
  @Mixin
  CollectionOption collection;

  @Parameters(index = "0", paramLabel = "ID", description = "The item's id.")
  String id;

  @Override
  void check() {
    requireId(id);
  }

  @Override
  int run(CliSession session) {
    List<VersionInfo> history = session.items(collection.get()).history(id);
    if (history.isEmpty()) {
      throw new NotFoundException("item " + id + " in " + collection.get() + " does not exist");
    }
    if (json) {
      ObjectNode node = Render.object();
      node.put("id", id);
      ArrayNode versions = node.putArray("versions");
      history.forEach(v -> versions.add(Render.version(v)));
      printJson(node);
    } else {
      Render.Table table = new Render.Table("OV", "CV", "AT", "OP", "ACTOR", "REASON", "FUNCTION");
      for (VersionInfo v : history) {
        table.row(v.ov(), v.cv(), v.at(), v.op(), v.actor().orElse("-"), v.reason().orElse("-"),
            v.functionId().orElse("-"));
      }
      table.print(out(), "");
    }
    return UdmCli.OK;
  }
}
