package io.udm.cli;

import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.ComponentHealth;
import io.udm.api.ContentRef;
import io.udm.api.ItemView;
import io.udm.api.SystemHeader;
import io.udm.api.Totals;
import io.udm.api.VersionInfo;
import io.udm.api.json.JsonValues;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** JSON trees and text tables for the CLI's output. */
final class Render {
  static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
      .withSeparators(Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
          .withObjectEmptySeparator("")
          .withArrayEmptySeparator(""));
  static final ObjectWriter PRETTY = JsonValues.mapper().writer(PRINTER);

  private Render() {}

  static ObjectNode object() {
    return JsonValues.NODES.objectNode();
  }

  static ArrayNode array() {
    return JsonValues.NODES.arrayNode();
  }

  static String pretty(JsonNode node) {
    try {
      return PRETTY.writeValueAsString(node);
    } catch (Exception e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  static String compact(JsonNode node) {
    return JsonValues.toJson(node);
  }

  /** A write's outcome. */
  static ObjectNode write(String op, String id, long ov, long cv, Instant at) {
    ObjectNode node = object();
    node.put("op", op);
    node.put("id", id);
    node.put("ov", ov);
    node.put("cv", cv);
    node.put("at", at.toString());
    return node;
  }

  static ObjectNode item(ItemView view) {
    ObjectNode node = object();
    node.put("id", view.id());
    node.put("ov", view.ov());
    node.put("cv", view.cv());
    node.put("at", view.at().toString());
    node.put("deleted", view.deleted());
    node.set("data", view.data());
    node.set("meta", view.meta());
    node.set("system", system(view.system()));
    ObjectNode content = object();
    new TreeMap<>(view.content()).forEach((path, ref) -> content.set(path, content(ref)));
    node.set("content", content);
    return node;
  }

  static ObjectNode system(SystemHeader header) {
    ObjectNode node = object();
    node.put("insertedAt", header.insertedAt().toString());
    node.put("updatedAt", header.updatedAt().toString());
    putOptional(node, "deletedAt", header.deletedAt().map(Instant::toString));
    node.put("deleted", header.deleted());
    ArrayNode functions = node.putArray("functionIds");
    header.functionIds().forEach(functions::add);
    return node;
  }

  static ObjectNode content(ContentRef ref) {
    ObjectNode node = object();
    node.put("key", ref.key());
    node.put("contentType", ref.contentType());
    node.put("size", ref.size());
    node.put("sha256", ref.sha256());
    putOptional(node, "url", ref.url().map(Object::toString));
    return node;
  }

  static ObjectNode version(VersionInfo v) {
    ObjectNode node = object();
    node.put("ov", v.ov());
    node.put("cv", v.cv());
    node.put("at", v.at().toString());
    node.put("op", v.op().name());
    putOptional(node, "actor", v.actor());
    putOptional(node, "reason", v.reason());
    putOptional(node, "functionId", v.functionId());
    return node;
  }

  static ObjectNode totals(Totals t) {
    ObjectNode node = object();
    node.put("creates", t.creates());
    node.put("updates", t.updates());
    node.put("deletes", t.deletes());
    node.put("enrichments", t.enrichments());
    node.put("restores", t.restores());
    node.put("live", t.live());
    ObjectNode rules = node.putObject("rules");
    new TreeMap<>(t.rules()).forEach(rules::put);
    return node;
  }

  /** What the write optimizer and payload cache did, as {@code udm queue} and {@code udm health} print it. */
  static ObjectNode optimizer(io.udm.api.OptimizerStats o) {
    ObjectNode opt = object();
    opt.put("uploadsBatched", o.uploadsBatched());
    opt.put("batchesSent", o.batchesSent());
    opt.put("counterDeltasMerged", o.counterDeltasMerged());
    opt.put("counterFlushes", o.counterFlushes());
    opt.put("shadowsSkipped", o.shadowsSkipped());
    opt.put("cacheHits", o.cacheHits());
    opt.put("cacheMisses", o.cacheMisses());
    return opt;
  }

  static ObjectNode component(ComponentHealth health) {
    ObjectNode node = object();
    node.put("status", health.status().name());
    node.put("latencyMs", millis(health.latency()));
    putOptional(node, "error", health.error());
    return node;
  }

  static void putOptional(ObjectNode node, String field, Optional<String> value) {
    if (value.isPresent()) {
      node.put(field, value.get());
    } else {
      node.putNull(field);
    }
  }

  static long millis(Duration d) {
    return d.toMillis();
  }

  /** A human duration: {@code 850 ms}, {@code 12 s}, {@code 3 min}, {@code 5 h}, {@code 2 d}. */
  static String human(Duration d) {
    long ms = d.toMillis();
    if (ms < 10_000) {
      return ms + " ms";
    }
    long s = d.toSeconds();
    if (s < 600) {
      return s + " s";
    }
    if (s < 3 * 3600) {
      return (s / 60) + " min";
    }
    if (s < 3 * 86400) {
      return (s / 3600) + " h";
    }
    return (s / 86400) + " d";
  }

  /** {@code text} cut to {@code max} characters, with an ellipsis when cut. */
  static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 3) + "...";
  }

  /** Left-aligned columns two spaces apart; the last column is not padded. */
  static final class Table {
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    Table(String... headers) {
      this.columns = headers.length;
      rows.add(headers);
    }

    Table row(Object... cells) {
      String[] row = new String[columns];
      for (int i = 0; i < columns; i++) {
        row[i] = i < cells.length && cells[i] != null ? cells[i].toString() : "-";
      }
      rows.add(row);
      return this;
    }

    int size() {
      return rows.size() - 1;
    }

    void print(PrintWriter out, String indent) {
      int[] widths = new int[columns];
      for (String[] row : rows) {
        for (int i = 0; i < columns; i++) {
          widths[i] = Math.max(widths[i], row[i].length());
        }
      }
      for (String[] row : rows) {
        StringBuilder line = new StringBuilder(indent);
        for (int i = 0; i < columns; i++) {
          line.append(row[i]);
          if (i < columns - 1) {
            line.append(" ".repeat(widths[i] - row[i].length() + 2));
          }
        }
        out.println(line.toString().stripTrailing());
      }
    }
  }

  /** Key/value lines, keys padded to one width. */
  static void fields(PrintWriter out, Map<String, ?> fields) {
    int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0);
    fields.forEach((k, v) -> out.println(k + " ".repeat(width - k.length() + 2) + v));
  }
}
