package io.udm.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.CreateResult;
import io.udm.api.ItemOps;
import io.udm.api.UpdateResult;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "put", mixinStandardHelpOptions = true,
    description = {"Create an item, or with --id write a new version of an existing one (a full replacement).",
        "The JSON object comes from the argument, from --file, or from stdin.",
        "On a terminal it says what it wrote; run from a script (id=$(udm put ...)) or with -q it prints only",
        "the id, and with --json the result as JSON.",
        "",
        "Examples:",
        "  udm put -c acme/crm/users '{\"email\": \"ada@example.com\"}'",
        "  udm put -c acme/crm/users --id ID --expected-ov 1 --file ada.json",
        "  echo '{\"email\": \"x@y.z\"}' | udm put -c acme/crm/users --id ada-1 --create"})
final class PutCommand extends UdmCommand {
  @Mixin
  CollectionOption collection;

  @Parameters(index = "0", arity = "0..1", paramLabel = "JSON", description = "The item as a JSON object ('-' = stdin).")
  String jsonArgument;

  @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read the JSON object from FILE ('-' = stdin).")
  Path file;

  @Option(names = "--id", paramLabel = "ID", description = "Update this item (it must exist), or with --create create it under this id.")
  String id;

  @Option(names = "--create", description = "With --id: create the item with that id instead of updating it.")
  boolean create;

  @Mixin
  WriteOptionsMixin write;

  private ObjectNode data;

  @Override
  void check() {
    if (create && id == null) {
      throw usage("--create needs --id (without --id, put always creates, with a generated id)");
    }
    if (id != null) {
      requireId(id);
    }
    write.build(null);
    data = JsonInput.read(jsonArgument, file, root().in(), "the item");
  }

  @Override
  int run(CliSession session) {
    ItemOps ops = session.items(collection.get());
    if (id == null || create) {
      CreateResult r = ops.create(data, write.build(id));
      report("created", Render.write("CREATE", r.id(), r.ov(), r.cv(), r.at()));
    } else {
      UpdateResult r = ops.update(id, data, write.build(null));
      report("updated", Render.write("UPDATE", r.id(), r.ov(), r.cv(), r.at()));
    }
    return UdmCli.OK;
  }

  private void report(String verb, ObjectNode result) {
    String itemId = result.path("id").asText();
    if (json) {
      printJson(result);
    } else if (root().quiet || !root().stdoutIsATerminal()) {
      out().println(itemId);
    } else {
      out().println(verb + " " + itemId + " in " + collection.get() + ": ov "
          + result.path("ov").asLong() + ", cv " + result.path("cv").asLong() + ", at " + result.path("at").asText());
    }
  }
}
