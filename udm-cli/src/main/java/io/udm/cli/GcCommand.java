package io.udm.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.GcResult;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "gc", mixinStandardHelpOptions = true,
    description = {"Remove payloads and version records of write attempts that never committed and are older"
        + " than --older-than (UDM refuses ages below its safety floor)."})
final class GcCommand extends UdmCommand {
  @Mixin
  CollectionOption collection;

  @Option(names = "--older-than", required = true, paramLabel = "DURATION", converter = Converters.Age.class,
      description = "Minimum age of what is removed: 90s, 15m, 12h, 7d, 2w or ISO-8601 (PT36H).")
  Duration olderThan;

  @Override
  int run(CliSession session) {
    progress("collecting garbage older than " + olderThan + " in " + collection.get() + "...");
    GcResult r;
    try (ProgressDisplay display = progressDisplay()) {
      r = session.udm().maintenance().collectGarbage(collection.get(), olderThan, display);
    }
    if (json) {
      ObjectNode node = Render.object();
      node.put("orphanVersions", r.orphanVersions());
      node.put("orphanObjects", r.orphanObjects());
      printJson(node);
    } else {
      out().println("removed " + r.orphanVersions() + " orphan version records and " + r.orphanObjects()
          + " orphan objects from " + collection.get());
    }
    return UdmCli.OK;
  }
}
