package io.udm.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.udm.api.ItemOps;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.UdmOptions;
import io.udm.api.config.RetentionConfig;
import io.udm.api.config.UdmConfig;
import io.udm.api.config.VersionRetention;
import io.udm.embedded.EmbeddedServers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@code UdmOptions.builder().clock(..)}: every timestamp and age UDM compares comes from it, on
 * both wirings. A test moves time and sees versions stamped with it and retention age by it.
 */
class UdmOptionsClockTest {
  private static final Instant START = Instant.parse("2031-05-01T08:00:00Z");
  private final RouteContext notes = RouteContext.of("acme", "crm", "notes");
  private final UdmConfig config = UdmConfig.builder()
      .retention(RetentionConfig.builder().ver(VersionRetention.builder().days(1).build()).build()).build();

  /** A clock a test moves by hand. */
  private static final class MovableClock extends Clock {
    private volatile Instant now = START;

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  @Test
  void theMemoryWiringReadsTheGivenClock() {
    check(options -> Udms.inMemory(config, options));
  }

  @Test
  void theMongoS3WiringReadsTheGivenClock() {
    try (EmbeddedServers servers = EmbeddedServers.transientPairs(1)) {
      UdmConfig onServers = servers.configFor(config, "clock-" + UUID.randomUUID().toString().substring(0, 8));
      check(options -> Udms.create(onServers, ConnectOptions.defaults().withCreateBucketsIfMissing(true), options));
    }
  }

  private void check(Function<UdmOptions, Udm> open) {
    MovableClock clock = new MovableClock();
    try (Udm udm = open.apply(UdmOptions.builder().clock(clock).build())) {
      ItemOps ops = udm.with(notes);
      String id = ops.create(Map.of("text", "first")).id();
      ops.update(id, Map.of("text", "second"));
      assertThat(ops.getLatest(id).orElseThrow().at()).isEqualTo(START);
      assertThat(udm.maintenance().applyRetention(notes).versionsPruned()).as("nothing is a day old yet").isZero();

      clock.advance(Duration.ofDays(2));
      ops.update(id, Map.of("text", "third"));

      assertThat(ops.getLatest(id).orElseThrow().at()).isEqualTo(START.plus(Duration.ofDays(2)));
      assertThat(ops.getLatest(id).orElseThrow().system().insertedAt()).isEqualTo(START);
      assertThat(udm.maintenance().applyRetention(notes).versionsPruned())
          .as("the two versions more than a day older than the newest, on the given clock").isEqualTo(2);
      assertThat(ops.history(id)).extracting(v -> v.ov()).containsExactly(3L);
    }
  }
}
