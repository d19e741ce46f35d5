package io.udm.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.EnrichOptions;
import io.udm.api.EnrichResult;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "enrich", mixinStandardHelpOptions = true,
    description = {"Deep-merge a JSON patch into an item as a new version, recording the function that"
        + " produced it (objects merge, arrays union, null removes a key).",
        "",
        "Example:",
        "  udm enrich -c acme/crm/users ID --function scorer@v1 '{\"score\": 0.93}'"})
final class EnrichCommand extends UdmCommand {
  @Mixin
  CollectionOption collection;

  @Parameters(index = "0", paramLabel = "ID", description = "The item's id.")
  String id;

  @Parameters(index = "1", arity = "0..1", paramLabel = "PATCH", description = "The patch as a JSON object ('-' = stdin).")
  String patchArgument;

  @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read the patch from FILE ('-' = stdin).")
  Path file;

  @Option(names = "--function", required = true, paramLabel = "FUNCTION_ID",
      description = "The function that computed the patch, e.g. scorer@v1.")
  String functionId;

  @Mixin
  WriteOptionsMixin write;

  private ObjectNode patch;

  @Override
  void check() {
    requireId(id);
    options();
    patch = JsonInput.read(patchArgument, file, root().in(), "the patch");
  }

  private EnrichOptions options() {
    var b = EnrichOptions.builder().functionId(functionId);
    if (write.expectedOv != null) {
      b.expectedOv(write.expectedOv);
    }
    if (write.actor != null) {
      b.actor(write.actor);
    }
    if (write.reason != null) {
      b.reason(write.reason);
    }
    if (write.requestId != null) {
      b.requestId(write.requestId);
    }
    return b.build();
  }

  @Override
  int run(CliSession session) {
    EnrichResult r = session.items(collection.get()).enrich(id, patch, options());
    if (json) {
      ObjectNode node = Render.write("ENRICH", r.id(), r.ov(), r.cv(), r.at());
      ArrayNode functions = node.putArray("functionIds");
      r.functionIds().forEach(functions::add);
      printJson(node);
    } else {
      out().println("enriched " + r.id() + " in " + collection.get() + ": ov " + r.ov() + ", cv " + r.cv() + ", at "
          + r.at() + "; functions " + String.join(", ", r.functionIds()));
    }
    return UdmCli.OK;
  }
}
