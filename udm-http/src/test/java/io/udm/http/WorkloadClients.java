package io.udm.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.udm.api.ItemOps;
import io.udm.api.ListOptions;
import io.udm.api.MetaQuery;
import io.udm.api.WriteOptions;
import io.udm.api.error.UdmException;
import io.udm.http.HttpTestClient.Answer;
import io.udm.http.MixedWorkload.Failed;
import io.udm.http.MixedWorkload.Written;
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
        JsonNode body = ok(http.send("POST", items, "{\"email\": \"" + email + "\"}", auth), 201);
        return new Written(body.get("id").asText(), body.get("ov").asLong());
      }

      @Override
      public long update(String id, long expectedOv, String email) {
        String[] headers = concat(auth, "If-Match", "\"" + expectedOv + "\"");
        return ok(http.send("PUT", items + "/" + id, "{\"email\": \"" + email + "\"}", headers), 200).get("ov").asLong();
      }

      @Override
      public void get(String id) {
        ok(http.send("GET", items + "/" + id, null, auth), 200);
      }

      @Override
      public void list() {
        ok(http.send("GET", items + "?limit=20", null, auth), 200);
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
      public void get(String id) {
        call(() -> ops.getLatest(id).orElseThrow(() -> new Failed("missing " + id, false)));
      }

      @Override
      public void list() {
        call(() -> ops.listByMeta(MetaQuery.all(), ListOptions.builder().limit(20).build()));
      }
    };
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
