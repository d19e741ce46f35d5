package io.udm.cli.faults;

import io.udm.api.ItemOps;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.WriteOptions;
import io.udm.api.config.UdmConfig;
import io.udm.bootstrap.Udms;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The writer process of {@link FallbackKillTest}: writes until it is killed, printing {@code ack
 * REQUEST_ID OBJECT_ID} once each write is acknowledged, so the test knows what must survive.
 * Arguments: the config file, the collection ({@code tenant/db/collection}), a run name that keeps
 * its ids apart from other runs', and the most writes to make, after which it waits to be killed.
 */
public final class KillTestWriter {
  private KillTestWriter() {}

  public static void main(String[] args) throws InterruptedException {
    String[] scope = args[1].split("/");
    RouteContext ctx = RouteContext.of(scope[0], scope[1], scope[2]);
    String run = args[2];
    int maxWrites = Integer.parseInt(args[3]);
    Udm udm = Udms.create(UdmConfig.load(Path.of(args[0])));
    ItemOps ops = udm.with(ctx);
    for (int i = 0; i < maxWrites; i++) {
      String objectId = run + "-" + (i / 3);
      String requestId = run + "-r" + i;
      WriteOptions options = WriteOptions.builder().objectId(objectId).requestId(requestId).build();
      Map<String, Object> data = Map.of("n", i, "run", run);
      if (i % 3 == 0) {
        ops.create(data, options);
      } else {
        ops.update(objectId, data, WriteOptions.builder().requestId(requestId).build());
      }
      System.out.println("ack " + requestId + " " + objectId);
      System.out.flush();
    }
    // Not closed: closing would send the after-commit work this process holds, and the test wants it
    // lost with the kill.
    new CountDownLatch(1).await();
  }
}
