package io.udm.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.ShrinkOptions;
import io.udm.api.ShrinkResult;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "shrink", mixinStandardHelpOptions = true,
    description = {"Remove expired or oversized dev shadows (the full JSON kept on heads for inspection)."
        + " --dry-run only reports; --confirm removes them."})
final class ShrinkCommand extends UdmCommand {
  @Mixin
  CollectionOption collection;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Mode mode;

  static final class Mode {
    @Option(names = "--dry-run", required = true, description = "Only report what would be removed.")
    boolean dryRun;

    @Option(names = "--confirm", required = true, description = "Remove the shadows.")
    boolean confirm;
  }

  @Override
  int run(CliSession session) {
    progress((mode.dryRun ? "checking" : "shrinking") + " dev shadows of " + collection.get() + "...");
    ShrinkOptions options = mode.dryRun ? ShrinkOptions.dryRun() : ShrinkOptions.confirmed();
    ShrinkResult r;
    try (ProgressDisplay display = progressDisplay()) {
      r = session.udm().maintenance().shrinkDevShadows(collection.get(), options, display);
    }
    if (json) {
      ObjectNode node = Render.object();
      node.put("dryRun", mode.dryRun);
      node.put("scanned", r.scanned());
      node.put("shadowsShrunk", r.shadowsShrunk());
      node.put("bytesFreed", r.bytesFreed());
      printJson(node);
    } else {
      out().println((mode.dryRun ? "dry run: would shrink " : "shrunk ") + r.shadowsShrunk() + " of " + r.scanned()
          + " shadows scanned in " + collection.get() + ", " + r.bytesFreed() + " bytes"
          + (mode.dryRun ? " to free; run again with --confirm to remove them" : " freed"));
    }
    return UdmCli.OK;
  }
}
