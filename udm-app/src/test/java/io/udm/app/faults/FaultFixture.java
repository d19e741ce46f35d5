package io.udm.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.config.UdmConfig;
import io.udm.api.json.JsonValues;
import io.udm.app.MutableClock;
import io.udm.app.StoragePorts;
import io.udm.app.TestUdms;
import io.udm.app.payloads.StoredPayloads;
import io.udm.domain.keys.StorageKeys;
import io.udm.spi.BackendPorts;
import io.udm.spi.BlobArea;
import io.udm.spi.BlobInfo;
import io.udm.spi.HeadRecord;
import io.udm.spi.IdGenerator;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One wiring's stores seen three ways: raw (behind UDM's back, for checks and corruption), through
 * a {@link FaultInjector} (the process under test), and a second, fault-free {@link io.udm.api.Udm} on
 * the raw stores (another process: rival writers, readers, the restarted process).
 */
public final class FaultFixture {
  public final MutableClock clock;
  public final StoragePorts raw;
  public final FaultInjector faults = new FaultInjector();
  public final StoragePorts faulty;
  public final UdmConfig config;
  public final IdGenerator ids;

  public FaultFixture(StoragePorts raw, MutableClock clock, UdmConfig config) {
    this.raw = raw;
    this.clock = clock;
    this.config = config;
    this.faulty = FaultyPorts.wrap(raw, faults);
    this.ids = ids(UUID.randomUUID().toString().substring(0, 6));
  }

  /** A process on the faulty stores. */
  public Udm victim() {
    return TestUdms.open(config, faulty, clock, ids);
  }

  /** A process on the raw stores. */
  public Udm rival() {
    return TestUdms.open(config, raw, clock, ids);
  }

  /** A process on the faulty stores with its own config (the fallback queue, say). */
  public Udm victim(UdmConfig processConfig) {
    return TestUdms.open(processConfig, faulty, clock, ids);
  }

  /** A process on the raw stores with its own config. */
  public Udm rival(UdmConfig processConfig) {
    return TestUdms.open(processConfig, raw, clock, ids);
  }

  /** The backend pair {@code ctx} lives on (the fixture's wirings have one). */
  public BackendPorts backend(RouteContext ctx) {
    return raw.backends().get(0);
  }

  public Optional<HeadRecord> head(RouteContext ctx, String id) {
    return backend(ctx).heads().find(ItemKey.of(ctx, id));
  }

  public List<VersionRecord> history(RouteContext ctx, String id) {
    return backend(ctx).versions().history(ItemKey.of(ctx, id));
  }

  /** The stored JSON of {@code version}, inline or in object storage; empty when its object is missing. */
  public Optional<JsonNode> payload(RouteContext ctx, VersionRecord version) {
    return StoredPayloads.bytes(backend(ctx).blobs(), version).map(JsonValues::fromBytes);
  }

  public Optional<JsonNode> payload(RouteContext ctx, String payloadKey) {
    return backend(ctx).blobs().get(BlobArea.JSON, payloadKey).map(JsonValues::fromBytes);
  }

  /** Every object id the version log holds versions of: with inline payloads, some items have no object. */
  public List<String> loggedItemIds(RouteContext ctx) {
    List<String> out = new ArrayList<>();
    while (true) {
      List<String> page = backend(ctx).versions().itemIds(ctx,
          out.isEmpty() ? Optional.empty() : Optional.of(out.get(out.size() - 1)), 1000);
      out.addAll(page);
      if (page.size() < 1000) {
        return out;
      }
    }
  }

  public List<BlobInfo> payloads(RouteContext ctx) {
    List<BlobInfo> out = new ArrayList<>();
    Optional<String> after = Optional.empty();
    while (true) {
      List<BlobInfo> page = backend(ctx).blobs().list(BlobArea.JSON, StorageKeys.collectionPrefix(ctx), after, 1000);
      out.addAll(page);
      if (page.size() < 1000) {
        return out;
      }
      after = Optional.of(page.get(page.size() - 1).key());
    }
  }

  /** The invariant readers rely on: a head, if present, points to a version record whose payload exists. */
  public void assertHeadNotDangling(RouteContext ctx, String id) {
    Optional<HeadRecord> head = head(ctx, id);
    if (head.isEmpty()) {
      return;
    }
    Optional<VersionRecord> pointed = backend(ctx).versions().find(ItemKey.of(ctx, id), head.get().ov());
    assertThat(pointed).as("version record behind the head of %s (ov %s)", id, head.get().ov()).isPresent();
    assertThat(pointed.get().payloadKey()).isEqualTo(head.get().payloadKey());
    assertThat(head.get().inlinePayload()).as("the head's payload of %s, as its version's", id)
        .isEqualTo(pointed.get().inlinePayload());
    assertThat(payload(ctx, pointed.get())).as("payload behind the head of %s", id).isPresent();
  }

  public static MutableClock clockAt(Instant start) {
    return new MutableClock(start, java.time.Duration.ofMillis(1));
  }

  /** Unique per fixture, so fixtures sharing a server never collide. */
  static IdGenerator ids(String prefix) {
    AtomicLong next = new AtomicLong();
    return new IdGenerator() {
      @Override
      public String newObjectId() {
        return prefix + String.format("-%09d", next.incrementAndGet());
      }

      @Override
      public String newWriteId() {
        return prefix + "w" + next.incrementAndGet();
      }
    };
  }

  /** A clock for wirings whose object store stamps real time: start at now, so ages compare. */
  public static MutableClock realTimeClock() {
    return MutableClock.atRealTime();
  }
}
