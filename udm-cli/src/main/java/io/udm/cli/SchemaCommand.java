package io.udm.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.SchemaReport;
import io.udm.api.SchemaViolation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

@Command(name = "schema", mixinStandardHelpOptions = true,
    description = "Work with a collection's JSON Schema (collectionMaps.<c>.schema or schemaFile).",
    subcommands = SchemaCommand.Check.class)
final class SchemaCommand implements Runnable {
  @Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a schema subcommand: check -c T/D/C");
  }

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = {"Check the latest version of every live item against the collection's current schema"
          + " (for example after making it stricter); lists the first 1000 violations. Reads only. Exits 1 when an"
          + " item breaks the schema."})
  static final class Check extends UdmCommand {
    @Mixin
    CollectionOption collection;

    @Override
    int run(CliSession session) {
      progress("checking " + collection.get() + " against its schema...");
      SchemaReport r;
      try (ProgressDisplay display = progressDisplay()) {
        r = session.udm().maintenance().checkSchema(collection.get(), display);
      }
      if (json) {
        ObjectNode node = Render.object();
        node.put("itemsChecked", r.itemsChecked());
        node.put("itemsInvalid", r.itemsInvalid());
        ArrayNode violations = node.putArray("violations");
        for (SchemaViolation v : r.violations()) {
          violations.addObject().put("itemId", v.itemId()).put("ov", v.ov()).put("pointer", v.pointer())
              .put("message", v.message());
        }
        printJson(node);
      } else {
        out().println(r.itemsChecked() + " items checked in " + collection.get() + ": "
            + (r.ok() ? "all satisfy the schema" : r.itemsInvalid() + " break it"));
        if (!r.ok()) {
          Render.Table table = new Render.Table("ITEM", "OV", "POINTER", "PROBLEM");
          r.violations().forEach(v -> table.row(v.itemId(), v.ov(), v.pointer(), v.message()));
          table.print(out(), "");
        }
      }
      return r.ok() ? UdmCli.OK : UdmCli.FAILURE;
    }
  }
}
