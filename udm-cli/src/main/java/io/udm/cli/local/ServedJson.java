package io.udm.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.Change;
import io.udm.api.ChangePage;
import io.udm.api.ContentRef;
import io.udm.api.ItemView;
import io.udm.api.Op;
import io.udm.api.SystemHeader;
import io.udm.api.VersionInfo;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The HTTP service's JSON bodies read back into the API's values (the inverse of its JSON views). */
final class ServedJson {
  private ServedJson() {}

  static ItemView item(JsonNode n) {
    JsonNode s = n.path("system");
    List<String> functionIds = new ArrayList<>();
    s.path("functionIds").forEach(f -> functionIds.add(f.asText()));
    SystemHeader system = new SystemHeader(Instant.parse(s.path("insertedAt").asText()),
        Instant.parse(s.path("updatedAt").asText()), text(s, "deletedAt").map(Instant::parse),
        s.path("deleted").asBoolean(), functionIds);
    Map<String, ContentRef> content = new LinkedHashMap<>();
    n.path("content").fields().forEachRemaining(e -> {
      JsonNode ref = e.getValue();
      content.put(e.getKey(), new ContentRef(e.getKey(), ref.path("key").asText(), ref.path("contentType").asText(),
          ref.path("size").asLong(), ref.path("sha256").asText(), text(ref, "url").map(URI::create)));
    });
    return new ItemView(n.path("id").asText(), n.path("ov").asLong(), n.path("cv").asLong(),
        Instant.parse(n.path("at").asText()), (ObjectNode) n.path("data"), (ObjectNode) n.path("meta"), system,
        content, n.path("deleted").asBoolean());
  }

  static VersionInfo version(JsonNode n) {
    return new VersionInfo(n.path("ov").asLong(), n.path("cv").asLong(), Instant.parse(n.path("at").asText()),
        Op.valueOf(n.path("op").asText()), text(n, "actor"), text(n, "reason"), text(n, "functionId"));
  }

  static ChangePage changes(JsonNode n) {
    List<Change> changes = new ArrayList<>();
    n.path("changes").forEach(c -> changes.add(new Change(c.path("id").asText(), c.path("ov").asLong(),
        c.path("cv").asLong(), Instant.parse(c.path("at").asText()), Op.valueOf(c.path("op").asText()),
        text(c, "actor"), text(c, "functionId"),
        c.path("data").isObject() ? Optional.of((ObjectNode) c.path("data")) : Optional.empty())));
    return new ChangePage(changes, n.path("nextAfterCv").asLong());
  }

  private static Optional<String> text(JsonNode node, String field) {
    return Optional.ofNullable(node.path(field).textValue());
  }
}
