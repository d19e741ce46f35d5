package io.udm.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.udm.api.ItemOps;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.config.HttpConfig;
import io.udm.api.config.UdmConfig;
import io.udm.bootstrap.Udms;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A server whose worker and queue are full answers 503 with Retry-After at once, instead of
 * running the request on its accepting thread; the requests it queued still complete.
 */
class HttpOverloadTest {
  private static final int THREADS = 1;
  private static final int QUEUED = THREADS * 32;

  private final RouteContext users = RouteContext.of("acme", "crm", "users");
  private final UdmConfig config = UdmConfig.builder()
      .http(HttpConfig.builder().port(0).threads(THREADS).build()).build();
  private final Udm udm = Udms.inMemory(config);
  private final CountDownLatch readerInside = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private UdmHttpServer server;

  @AfterEach
  void stop() {
    release.countDown();
    if (server != null) {
      server.close();
    }
    udm.close();
  }

  @Test
  void aFullQueueAnswers503AndTheQueuedRequestsStillComplete() throws Exception {
    String id = udm.with(users).create(Map.of("name", "Ada")).id();
    server = UdmHttpServer.start(blockingFirstRead(udm), config);
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    URI item = URI.create("http://127.0.0.1:" + server.port() + "/v1/t/acme/crm/users/items/" + id);

    CompletableFuture<HttpResponse<String>> blocked = client.sendAsync(get(item), HttpResponse.BodyHandlers.ofString());
    assertThat(readerInside.await(10, TimeUnit.SECONDS)).as("the first request holds the only worker").isTrue();
    List<CompletableFuture<HttpResponse<String>>> more = new ArrayList<>();
    for (int i = 0; i < QUEUED + 1; i++) {
      more.add(client.sendAsync(get(item), HttpResponse.BodyHandlers.ofString()));
    }
    // One more than the queue holds: exactly one is shed, while the worker is still held.
    HttpResponse<String> shed = CompletableFuture.anyOf(more.toArray(CompletableFuture[]::new))
        .thenApply(r -> (HttpResponse<String>) r).get(10, TimeUnit.SECONDS);
    assertThat(shed.statusCode()).isEqualTo(503);
    assertThat(shed.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(shed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(shed.body()).contains("overloaded");

    release.countDown();
    assertThat(blocked.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    long ok = 0;
    long refused = 0;
    for (CompletableFuture<HttpResponse<String>> f : more) {
      int status = f.get(10, TimeUnit.SECONDS).statusCode();
      ok += status == 200 ? 1 : 0;
      refused += status == 503 ? 1 : 0;
    }
    assertThat(refused).isEqualTo(1);
    assertThat(ok).isEqualTo(QUEUED);
  }

  private static HttpRequest get(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
  }

  /** {@code udm} whose first getLatest waits until the test releases it. */
  private Udm blockingFirstRead(Udm target) {
    return (Udm) Proxy.newProxyInstance(Udm.class.getClassLoader(), new Class<?>[] {Udm.class}, (p, m, args) -> {
      Object result = invoke(m, target, args);
      if (m.getName().equals("with")) {
        ItemOps ops = (ItemOps) result;
        return Proxy.newProxyInstance(ItemOps.class.getClassLoader(), new Class<?>[] {ItemOps.class}, (q, n, a) -> {
          if (n.getName().equals("getLatest") && readerInside.getCount() > 0) {
            readerInside.countDown();
            release.await(30, TimeUnit.SECONDS);
          }
          return invoke(n, ops, a);
        });
      }
      return result;
    });
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
