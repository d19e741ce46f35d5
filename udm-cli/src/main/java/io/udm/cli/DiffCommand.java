package io.udm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.VersionDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "diff", mixinStandardHelpOptions = true,
    description = {"What changed between two versions of an item, by path (an RFC 6902 JSON Patch with --json).",
        "Either order; --from 0 is the empty document before the item existed."})
final class DiffCommand extends UdmCommand {
  private static final String GREEN = "\u001b[32m";
  private static final String RED = "\u001b[31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String RESET = "\u001b[0m";

  @Mixin
  CollectionOption collection;

  @Parameters(index = "0", paramLabel = "ID", description = "The item's id.")
  String id;

  @Option(names = "--from", required = true, paramLabel = "OV", description = "The version to start from (0 = {}).")
  long fromOv;

  @Option(names = "--to", required = true, paramLabel = "OV", description = "The version to arrive at.")
  long toOv;

  @Override
  void check() {
    requireId(id);
  }

  @Override
  int run(CliSession session) {
    VersionDiff diff = session.items(collection.get()).diff(id, fromOv, toOv);
    if (json) {
      ObjectNode node = Render.object();
      node.put("id", diff.id()).put("fromOv", diff.fromOv()).put("toOv", diff.toOv());
      node.set("patch", diff.patch());
      printJson(node);
      return UdmCli.OK;
    }
    if (diff.patch().isEmpty()) {
      out().println("versions " + fromOv + " and " + toOv + " of " + id + " hold the same data");
      return UdmCli.OK;
    }
    boolean colored = root().stdoutIsATerminal() && UdmCli.ansi(System.getenv()) != picocli.CommandLine.Help.Ansi.OFF;
    for (JsonNode op : diff.patch()) {
      String path = op.path("path").asText();
      String line = switch (op.path("op").asText()) {
        case "add" -> paint(colored, GREEN, "+ " + path + " = " + Render.compact(op.path("value")));
        case "remove" -> paint(colored, RED, "- " + path);
        default -> paint(colored, YELLOW, "~ " + path + " = " + Render.compact(op.path("value")));
      };
      out().println(line);
    }
    return UdmCli.OK;
  }

  private static String paint(boolean colored, String color, String text) {
    return colored ? color + text + RESET : text;
  }
}
