package io.udm.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.udm.api.ItemOps;
import io.udm.api.ItemView;
import io.udm.api.ListOptions;
import io.udm.api.MetaQuery;
import io.udm.api.Page;
import io.udm.api.Progress;
import io.udm.api.json.JsonValues;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "list", mixinStandardHelpOptions = true,
    description = {"List items, optionally filtered and sorted by indexed properties (collectionMaps.<c>.indexedProps).",
        "Prints one page and the cursor of the next; --all follows the cursors to the end.",
        "",
        "Examples:",
        "  udm list -c acme/crm/users --filter '{\"status\": \"active\"}' --sort email --limit 20",
        "  udm list -c acme/crm/users --cursor CURSOR",
        "  udm list -c acme/crm/users --all --json"})
final class ListCommand extends UdmCommand {
  private static final int DATA_WIDTH = 100;

  @Mixin
  CollectionOption collection;

  @Option(names = "--filter", paramLabel = "JSON",
      description = "A MongoDB-style filter over indexed properties: implicit equality, $eq $ne $gt $gte $lt $lte"
          + " $in $nin $exists $and $or.")
  String filter;

  @Option(names = "--sort", paramLabel = "FIELD", description = "Sort by this indexed property (default: id, i.e. creation order).")
  String sort;

  @Option(names = "--desc", description = "Sort descending.")
  boolean desc;

  @Option(names = "--limit", paramLabel = "N", description = "Items per page, 1 to 1000 (default 100).")
  Integer limit;

  @Option(names = "--cursor", paramLabel = "CURSOR", description = "Continue from a previous page's next cursor.")
  String cursor;

  @Option(names = "--include-deleted", description = "Also list deleted items.")
  boolean includeDeleted;

  @Option(names = "--all", description = "Follow the cursors through every page (progress on stderr).")
  boolean all;

  private MetaQuery query;

  @Override
  void check() {
    if (desc && sort == null) {
      throw usage("--desc needs --sort FIELD");
    }
    query = filter == null ? MetaQuery.all() : MetaQuery.fromTree(JsonInput.parse(filter, "--filter", "the filter"));
    options(cursor);
  }

  private ListOptions options(String from) {
    ListOptions.Builder b = ListOptions.builder();
    b.includeDeleted(includeDeleted);
    if (limit != null) {
      b.limit(limit);
    }
    if (sort != null) {
      b.sortBy(sort, !desc);
    }
    if (from != null) {
      b.cursor(from);
    }
    return b.build();
  }

  @Override
  int run(CliSession session) throws IOException {
    ItemOps ops = session.items(collection.get());
    PrintWriter out = out();
    JsonGenerator gen = null;
    if (json) {
      gen = JsonValues.mapper().getFactory().createGenerator(out).setPrettyPrinter(Render.PRINTER);
      gen.writeStartObject();
      gen.writeArrayFieldStart("items");
    }
    Render.Table table = new Render.Table("ID", "OV", "AT", "DATA");
    long count = 0;
    ProgressDisplay display = all ? progressDisplay() : ProgressDisplay.none();
    Optional<String> next = Optional.ofNullable(cursor);
    do {
      Page<ItemView> page = ops.listByMeta(query, options(next.orElse(null)));
      next = page.nextCursor();
      for (ItemView item : page.items()) {
        count++;
        if (gen != null) {
          gen.writeTree(Render.item(item));
        } else {
          String data = Render.truncate(Render.compact(item.data()), DATA_WIDTH);
          table.row(item.id(), item.ov(), item.at(), item.deleted() ? "[deleted] " + data : data);
        }
      }
      if (all) {
        display.onProgress(Progress.items("list", count));
      }
      if (gen == null && all && table.size() >= 1000) {
        table.print(out, "");
        table = new Render.Table("ID", "OV", "AT", "DATA");
      }
    } while (all && next.isPresent());
    display.close();
    if (gen != null) {
      gen.writeEndArray();
      gen.writeNumberField("count", count);
      if (next.isPresent()) {
        gen.writeStringField("nextCursor", next.get());
      } else {
        gen.writeNullField("nextCursor");
      }
      gen.writeEndObject();
      gen.flush();
      out.println();
    } else {
      if (table.size() > 0) {
        table.print(out, "");
      }
      out.println(count == 0 ? "no items" : count + (count == 1 ? " item" : " items"));
      next.ifPresent(c -> out.println("next cursor: " + c));
    }
    return UdmCli.OK;
  }
}
