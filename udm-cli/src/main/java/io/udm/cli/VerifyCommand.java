package io.udm.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.VerifyProblem;
import io.udm.api.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Check a collection's storage: dangling or lagging heads, gaps in version chains, missing"
        + " payloads, orphans. Exits 1 when it finds a problem."})
final class VerifyCommand extends UdmCommand {
  @Mixin
  CollectionOption collection;

  @Override
  int run(CliSession session) {
    progress("verifying " + collection.get() + "...");
    VerifyReport r;
    try (ProgressDisplay display = progressDisplay()) {
      r = session.udm().maintenance().verify(collection.get(), display);
    }
    if (json) {
      ObjectNode node = Render.object();
      node.put("itemsChecked", r.itemsChecked());
      node.put("ok", r.ok());
      node.put("problemsFound", r.problemsFound());
      node.put("truncated", r.truncated());
      ArrayNode problems = node.putArray("problems");
      for (VerifyProblem p : r.problems()) {
        ObjectNode n = problems.addObject();
        n.put("kind", p.kind().name());
        n.put("itemId", p.itemId());
        n.put("detail", p.detail());
      }
      printJson(node);
    } else {
      out().println(summary(r, collection.get().toString()));
      if (!r.ok()) {
        Render.Table table = new Render.Table("KIND", "ITEM", "DETAIL");
        r.problems().forEach(p -> table.row(p.kind(), p.itemId(), p.detail()));
        table.print(out(), "");
      }
    }
    return r.ok() ? UdmCli.OK : UdmCli.FAILURE;
  }

  /** The report's first line; a report that holds only the first problems says so. */
  static String summary(VerifyReport r, String collection) {
    String problems = r.ok() ? "no problems"
        : r.truncated() ? r.problemsFound() + " problems, first " + r.problems().size() + " shown"
        : r.problemsFound() + " problems";
    return r.itemsChecked() + " items checked in " + collection + ": " + problems;
  }
}
