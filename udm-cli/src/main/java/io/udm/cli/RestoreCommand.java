package io.udm.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.CollectionRestoreResult;
import io.udm.api.ItemOps;
import io.udm.api.RestoreResult;
import io.udm.api.RestoreTarget;
import java.time.Instant;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "restore", mixinStandardHelpOptions = true,
    description = {"Bring an item back to an earlier state (--ov N or --at INSTANT), or with --all the whole"
        + " collection (--cv N or --at INSTANT; needs --confirm). A restore appends new versions; history is never"
        + " rewritten.",
        "",
        "Examples:",
        "  udm restore -c acme/crm/users ID --ov 2",
        "  udm restore -c acme/crm/users --all --at 2025-01-31T12:00:00Z --confirm"})
final class RestoreCommand extends UdmCommand {
  @Mixin
  CollectionOption collection;

  @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "The item to restore (omit with --all).")
  String id;

  @Option(names = "--all", description = "Restore every item of the collection.")
  boolean all;

  @Option(names = "--confirm", description = "With --all: confirm that every item which differs from the target"
      + " state gets a new version (items created since are deleted).")
  boolean confirm;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  static final class Target {
    @Option(names = "--ov", paramLabel = "N", description = "The item's version N.")
    Long ov;

    @Option(names = "--cv", paramLabel = "N", description = "With --all: the collection as of collection version N.")
    Long cv;

    @Option(names = "--at", paramLabel = "INSTANT", converter = Converters.Timestamp.class,
        description = "The state at this ISO-8601 instant.")
    Instant at;
  }

  @Mixin
  WriteOptionsMixin write;

  @Override
  void check() {
    if (all == (id != null)) {
      throw usage(all ? "give either an ID or --all, not both" : "give the ID of the item to restore, or --all for the whole collection");
    }
    if (all && !confirm) {
      throw usage("restore --all gives every item that differs from the target state a new version, and deletes"
          + " items created since: add --confirm");
    }
    if (!all && confirm) {
      throw usage("--confirm confirms restore --all; restoring one item needs none");
    }
    if (all && target.ov != null) {
      throw usage("--ov is an item version: with --all, use --cv N or --at INSTANT");
    }
    if (!all && target.cv != null) {
      throw usage("--cv is a collection version: restore one item with --ov N or --at INSTANT, or the collection with --all --cv N");
    }
    if (id != null) {
      requireId(id);
    }
    restoreTarget();
    write.build(null);
  }

  private RestoreTarget restoreTarget() {
    if (target.ov != null) {
      return RestoreTarget.version(target.ov);
    }
    if (target.cv != null) {
      return RestoreTarget.collectionVersion(target.cv);
    }
    return RestoreTarget.at(target.at);
  }

  @Override
  int run(CliSession session) {
    ItemOps ops = session.items(collection.get());
    if (all) {
      progress("restoring " + collection.get() + "...");
      CollectionRestoreResult r;
      try (ProgressDisplay display = progressDisplay()) {
        r = ops.restoreCollection(restoreTarget(), write.build(null), display);
      }
      if (json) {
        ObjectNode node = Render.object();
        node.put("cv", r.cv());
        node.put("restored", r.restored());
        node.put("unchanged", r.unchanged());
        node.put("deleted", r.deleted());
        printJson(node);
      } else {
        out().println("restored " + collection.get() + ": " + r.restored() + " items restored, " + r.unchanged()
            + " unchanged, " + r.deleted() + " deleted; cv " + r.cv());
      }
    } else {
      RestoreResult r = ops.restoreObject(id, restoreTarget(), write.build(null));
      if (json) {
        ObjectNode node = Render.write("RESTORE", r.id(), r.ov(), r.cv(), r.at());
        node.put("restoredFromOv", r.restoredFromOv());
        printJson(node);
      } else {
        out().println("restored " + r.id() + " in " + collection.get() + " from ov " + r.restoredFromOv() + ": ov "
            + r.ov() + ", cv " + r.cv() + ", at " + r.at());
      }
    }
    return UdmCli.OK;
  }
}
