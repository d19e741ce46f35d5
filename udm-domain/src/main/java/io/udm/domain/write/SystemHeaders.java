package io.udm.domain.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.SystemHeader;
import io.udm.api.json.JsonValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code _system} header: its lifecycle transitions and its JSON form inside stored documents. */
public final class SystemHeaders {
  public static final String FIELD = "_system";

  private SystemHeaders() {}

  public static SystemHeader created(Instant at) {
    return new SystemHeader(at, at, Optional.empty(), false, List.of());
  }

  public static SystemHeader updated(SystemHeader before, Instant at) {
    return new SystemHeader(before.insertedAt(), at, Optional.empty(), false, before.functionIds());
  }

  public static SystemHeader deleted(SystemHeader before, Instant at) {
    return new SystemHeader(before.insertedAt(), at, Optional.of(at), true, before.functionIds());
  }

  /** Records {@code functionId} once, keeping first-seen order. */
  public static SystemHeader enriched(SystemHeader before, Instant at, String functionId) {
    List<String> ids = new ArrayList<>(before.functionIds());
    if (!ids.contains(functionId)) {
      ids.add(functionId);
    }
    return new SystemHeader(before.insertedAt(), at, Optional.empty(), false, ids);
  }

  public static ObjectNode toJson(SystemHeader h) {
    ObjectNode out = JsonValues.NODES.objectNode();
    out.put("insertedAt", h.insertedAt().toString());
    out.put("updatedAt", h.updatedAt().toString());
    if (h.deletedAt().isPresent()) {
      out.put("deletedAt", h.deletedAt().get().toString());
    } else {
      out.putNull("deletedAt");
    }
    out.put("deleted", h.deleted());
    ArrayNode ids = out.putArray("functionIds");
    h.functionIds().forEach(ids::add);
    return out;
  }

  public static SystemHeader fromJson(JsonNode n) {
    List<String> ids = new ArrayList<>();
    n.path("functionIds").forEach(id -> ids.add(id.asText()));
    JsonNode deletedAt = n.path("deletedAt");
    return new SystemHeader(
        Instant.parse(n.path("insertedAt").asText()),
        Instant.parse(n.path("updatedAt").asText()),
        deletedAt.isTextual() ? Optional.of(Instant.parse(deletedAt.asText())) : Optional.empty(),
        n.path("deleted").asBoolean(false),
        ids);
  }

  /** The stored form of a version: the caller's data plus the {@code _system} header. */
  public static ObjectNode storedDocument(ObjectNode data, SystemHeader header) {
    ObjectNode out = data.deepCopy();
    out.remove(FIELD);
    out.set(FIELD, toJson(header));
    return out;
  }

  /** The caller's view of a stored document: without {@code _system}. */
  public static ObjectNode userData(JsonNode stored) {
    ObjectNode out = ((ObjectNode) stored).deepCopy();
    out.remove(FIELD);
    return out;
  }
}
