package io.udm.cli;

import io.udm.api.ContentRef;
import io.udm.api.ItemOps;
import io.udm.api.ItemView;
import io.udm.api.ReadOptions;
import io.udm.api.VersionInfo;
import io.udm.api.error.NotFoundException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "get", mixinStandardHelpOptions = true,
    description = {"Read an item: its latest version, version --ov N, or its state --as-of an instant.",
        "Exits 3 when there is no such item or version."})
final class GetCommand extends UdmCommand {
  @Mixin
  CollectionOption collection;

  @Parameters(index = "0", paramLabel = "ID", description = "The item's id.")
  String id;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Which which;

  static final class Which {
    @Option(names = "--ov", paramLabel = "N", description = "Read version N.")
    Long ov;

    @Option(names = "--as-of", paramLabel = "INSTANT", converter = Converters.Timestamp.class,
        description = "Read the state at this ISO-8601 instant (e.g. 2025-01-31T12:00:00Z).")
    Instant asOf;
  }

  @Option(names = "--include-deleted", description = "Show a deleted item's last state instead of reporting it missing.")
  boolean includeDeleted;

  @Option(names = "--inline-content", description = "Put externalized base64 properties back inline.")
  boolean inlineContent;

  @Option(names = "--presign", paramLabel = "DURATION", converter = Converters.Age.class,
      description = "Give every content reference a presigned GET URL valid this long (e.g. 15m).")
  Duration presign;

  @Override
  void check() {
    requireId(id);
  }

  @Override
  int run(CliSession session) {
    ItemOps ops = session.items(collection.get());
    var options = ReadOptions.builder().includeDeleted(includeDeleted).inlineContent(inlineContent);
    if (presign != null) {
      options.presignTtl(presign);
    }
    ReadOptions read = options.build();
    Optional<ItemView> found;
    if (which != null && which.ov != null) {
      found = ops.getVersion(id, which.ov, read);
    } else if (which != null && which.asOf != null) {
      found = ops.getAsOf(id, which.asOf, read);
    } else {
      found = ops.getLatest(id, read);
    }
    ItemView view = found.orElseThrow(() -> new NotFoundException(whyMissing(ops)));
    if (json) {
      printJson(Render.item(view));
    } else {
      print(view);
    }
    return UdmCli.OK;
  }

  private void print(ItemView view) {
    PrintWriter out = out();
    out.println(collection.get() + "/" + view.id() + "  ov " + view.ov() + "  cv " + view.cv() + "  at " + view.at()
        + (view.deleted() ? "  DELETED" + view.system().deletedAt().map(t -> " at " + t).orElse("") : ""));
    if (!view.system().functionIds().isEmpty()) {
      out.println("enriched by " + String.join(", ", view.system().functionIds()));
    }
    out.println(Render.pretty(view.data()));
    for (ContentRef ref : new TreeMap<>(view.content()).values()) {
      out.println("content " + ref.path() + ": " + ref.contentType() + ", " + ref.size() + " bytes, sha256 "
          + ref.sha256() + ref.url().map(u -> ", " + u).orElse(""));
    }
  }

  /** Why nothing came back, with what to try instead. */
  private String whyMissing(ItemOps ops) {
    String item = "item " + id + " in " + collection.get();
    List<VersionInfo> history = ops.history(id);
    if (history.isEmpty()) {
      return item + " does not exist";
    }
    VersionInfo last = history.get(history.size() - 1);
    if (which != null && which.ov != null) {
      return item + " has no version " + which.ov + "; its versions are 1 to " + last.ov()
          + (history.size() < last.ov() ? " (older ones pruned)" : "") + deletedHint(which.ov <= last.ov());
    }
    if (which != null && which.asOf != null) {
      if (which.asOf.isBefore(history.get(0).at())) {
        return item + " did not exist yet at " + which.asOf + "; it was created at " + history.get(0).at();
      }
      return item + " was deleted at " + which.asOf + deletedHint(true);
    }
    return item + " is deleted (since ov " + last.ov() + ", " + last.at() + ")" + deletedHint(true);
  }

  private String deletedHint(boolean applies) {
    return applies && !includeDeleted ? "; add --include-deleted to see its last state" : "";
  }
}
