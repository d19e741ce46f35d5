package io.udm.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.udm.api.ItemOps;
import io.udm.api.ItemView;
import io.udm.api.ListOptions;
import io.udm.api.MetaQuery;
import io.udm.api.WriteOptions;
import io.udm.api.error.UdmException;
import io.udm.http.HttpTestClient.Answer;
import io.udm.http.MixedWorkload.Failed;
import io.udm.http.MixedWorkload.ItemState;
import io.udm.http.MixedWorkload.Written;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The same {@link MixedWorkload} requests over HTTP and through the Java API. */
public final class WorkloadClients {
  private WorkloadClients() {}

  /** Over HTTP to {@code /v1/t/{collectionPath}}, with an API key (or none). */
  public static MixedWorkload.Client http(HttpTestClient http, String collectionPath, String key) {
    String items = collectionPath + "/items";
    String[] auth = key == null ? new String[0] : HttpTestClient.bearer(key);
    return new MixedWorkload.Client() {
      @Override
      public Written create(String email) {
        Answer a = http.send("POST", items, "{\"email\": \"" + email + "\"}", auth);
        JsonNode body = ok(a, 201);
        Written w = new Written(body.get("id").asText(), body.get("ov").asLong());
        agree(a, "Location", collectionPath + "/items/" + w.id());
        agree(a, "ETag", "\"" + w.ov() + "\"");
        return w;
      }

      @Override
      public long update(String id, long expectedOv, String email) {
        String[] headers = concat(auth, "If-Match", "\"" + expectedOv + "\"");
        Answer a = http.send("PUT", items + "/" + id, "{\"email\": \"" + email + "\"}", headers);
        JsonNode body = ok(a, 200);
        if (!body.path("id").asText().equals(id)) {
          throw new Failed("wrong answer: the update of " + id + " answered for " + a, false);
        }
        agree(a, "ETag", "\"" + body.get("ov").asLong() + "\"");
        return body.get("ov").asLong();
      }

      @Override
      public ItemState get(String id) {
        Answer a = http.send("GET", items + "/" + id, null, auth);
        ItemState seen = state(ok(a, 200));
        agree(a, "ETag", "\"" + seen.ov() + "\"");
        return seen;
      }

      @Override
      public List<ItemState> list() {
        JsonNode page = ok(http.send("GET", items + "?limit=" + MixedWorkload.LIST_LIMIT, null, auth), 200);
        List<ItemState> out = new ArrayList<>();
        page.path("items").forEach(item -> out.add(state(item)));
        return out;
      }
    };
  }

  /** Through the Java API, the same operations. */
  public static MixedWorkload.Client java(ItemOps ops) {
    return new MixedWorkload.Client() {
      @Override
      public Written create(String email) {
        return call(() -> {
          var r = ops.create(Map.of("email", email));
          return new Written(r.id(), r.ov());
        });
      }

      @Override
      public long update(String id, long expectedOv, String email) {
        return call(() -> ops.update(id, Map.of("email", email), WriteOptions.builder().expectedOv(expectedOv).build()).ov());
      }

      @Override
      public ItemState get(String id) {
        return call(() -> state(ops.getLatest(id).orElseThrow(() -> new Failed("missing " + id, false))));
      }

      @Override
      public List<ItemState> list() {
        return call(() -> ops.listByMeta(MetaQuery.all(), ListOptions.builder().limit(MixedWorkload.LIST_LIMIT).build())
            .items().stream().map(WorkloadClients::state).toList());
      }
    };
  }

  private static ItemState state(ItemView view) {
    return new ItemState(view.id(), view.ov(), view.data().path("email").textValue());
  }

  /** An item of an HTTP body ({@code JsonViews.item}). */
  private static ItemState state(JsonNode item) {
    return new ItemState(item.path("id").asText(), item.path("ov").asLong(), item.path("data").path("email").textValue());
  }

  /** A header that disagrees with the body is a wrong answer. */
  private static void agree(Answer a, String header, String expected) {
    if (!a.header(header).orElse("").equals(expected)) {
      throw new Failed("wrong answer: " + header + " " + a.header(header).orElse("missing") + ", expected " + expected
          + " for " + a, false);
    }
  }

  private static <T> T call(java.util.function.Supplier<T> op) {
    try {
      return op.get();
    } catch (UdmException e) {
      throw new Failed(e.getClass().getSimpleName() + ": " + e.getMessage(), false);
    }
  }

  private static JsonNode ok(Answer a, int expected) {
    if (a.status() != expected) {
      throw new Failed(a.toString(), a.status() >= 500);
    }
    return a.json();
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
