package io.udm.app.faults;

import io.udm.api.CounterQuery;
import io.udm.api.FallbackFilter;
import io.udm.api.RouteContext;
import io.udm.api.Totals;
import io.udm.app.StoragePorts;
import io.udm.spi.AppendResult;
import io.udm.spi.AppliedEffect;
import io.udm.spi.BackendPorts;
import io.udm.spi.BlobArea;
import io.udm.spi.BlobInfo;
import io.udm.spi.BlobStore;
import io.udm.spi.CounterDelta;
import io.udm.spi.CounterStore;
import io.udm.spi.DeadLetter;
import io.udm.spi.EffectsOutbox;
import io.udm.spi.HeadQuery;
import io.udm.spi.HeadRecord;
import io.udm.spi.HeadStore;
import io.udm.spi.HeadWrite;
import io.udm.spi.HealthProbe;
import io.udm.spi.ItemKey;
import io.udm.spi.PendingEffects;
import io.udm.spi.PendingVersion;
import io.udm.spi.Placement;
import io.udm.spi.PlacementRegistry;
import io.udm.spi.PrunedRequest;
import io.udm.spi.RequestMemos;
import io.udm.spi.RetryOp;
import io.udm.spi.RetryQueue;
import io.udm.spi.SequenceStore;
import io.udm.spi.VersionLog;
import io.udm.spi.VersionRecord;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A decorator for every SPI port that routes each call through a {@link FaultInjector}. */
public final class FaultyPorts {
  private FaultyPorts() {}

  /** {@code ports} with every port of every backend and the shared stores behind {@code faults}. */
  public static StoragePorts wrap(StoragePorts ports, FaultInjector faults) {
    return new StoragePorts(
        ports.backends().stream().map(b -> wrap(b, faults)).toList(),
        new Counters(ports.counters(), faults),
        new Placements(ports.placements(), faults),
        ports.indexStates(), ports.holds(),
        new Retries(ports.retryQueue(), faults),
        probe("countersProbe", ports.countersProbe(), faults),
        List.of());
  }

  public static BackendPorts wrap(BackendPorts b, FaultInjector faults) {
    return new BackendPorts(b.index(), b.backendId(), new Heads(b.heads(), faults), new Versions(b.versions(), faults),
        new Outbox(b.outbox(), faults), new Memos(b.requestMemos(), faults), new Sequences(b.sequences(), faults), new Blobs(b.blobs(), faults), probe("mongoProbe", b.mongoProbe(), faults),
        probe("blobProbe", b.blobProbe(), faults), b.mongoEndpoint(), b.blobEndpoint());
  }

  private static HealthProbe probe(String name, HealthProbe probe, FaultInjector faults) {
    return () -> faults.run(name + ".ping", probe::ping);
  }

  public record Heads(HeadStore d, FaultInjector f) implements HeadStore {
    public Optional<HeadRecord> find(ItemKey key) {
      return f.call("heads.find", () -> d.find(key));
    }

    public HeadWrite insert(HeadRecord head) {
      return f.call("heads.insert", () -> d.insert(head));
    }

    public HeadWrite compareAndSet(long expectedOv, HeadRecord next) {
      return f.call("heads.compareAndSet", () -> d.compareAndSet(expectedOv, next));
    }

    public List<HeadRecord> query(HeadQuery query) {
      return f.call("heads.query", () -> d.query(query));
    }

    public boolean delete(ItemKey key) {
      return f.call("heads.delete", () -> d.delete(key));
    }
  }

  public record Versions(VersionLog d, FaultInjector f) implements VersionLog {
    public AppendResult append(VersionRecord version, Optional<PendingEffects> effects) {
      return f.call("versions.append", () -> d.append(version, effects));
    }

    public Optional<VersionRecord> find(ItemKey key, long ov) {
      return f.call("versions.find", () -> d.find(key, ov));
    }

    public List<VersionRecord> findAll(ItemKey key, Collection<Long> ovs) {
      return f.call("versions.findAll", () -> d.findAll(key, ovs));
    }

    public Optional<VersionRecord> latest(ItemKey key) {
      return f.call("versions.latest", () -> d.latest(key));
    }

    public Optional<VersionRecord> latestAtOrBefore(ItemKey key, Instant instant) {
      return f.call("versions.latestAtOrBefore", () -> d.latestAtOrBefore(key, instant));
    }

    public List<VersionRecord> history(ItemKey key) {
      return f.call("versions.history", () -> d.history(key));
    }

    public List<VersionRecord> historyAfter(ItemKey key, long afterOv, int limit) {
      return f.call("versions.historyAfter", () -> d.historyAfter(key, afterOv, limit));
    }

    public Optional<VersionRecord> findByRequestId(RouteContext collection, String requestId) {
      return f.call("versions.findByRequestId", () -> d.findByRequestId(collection, requestId));
    }

    public long delete(ItemKey key, List<Long> ovs) {
      return f.call("versions.delete", () -> d.delete(key, ovs));
    }

    @Override
    public List<VersionRecord> listByCv(RouteContext collection, long afterCv, int limit) {
      return f.call("versions.listByCv", () -> d.listByCv(collection, afterCv, limit));
    }

    public List<String> itemIds(RouteContext collection, Optional<String> afterObjectId, int limit) {
      return f.call("versions.itemIds", () -> d.itemIds(collection, afterObjectId, limit));
    }

    public Set<Long> burn(RouteContext collection, Collection<Long> cvs, Instant at) {
      return f.call("versions.burn", () -> d.burn(collection, cvs, at));
    }

    public List<Long> burnedCvs(RouteContext collection, long afterCv, long upToCv, int limit) {
      return f.call("versions.burnedCvs", () -> d.burnedCvs(collection, afterCv, upToCv, limit));
    }
  }

  public record Outbox(EffectsOutbox d, FaultInjector f) implements EffectsOutbox {
    public List<PendingVersion> claimPendingEffects(Instant now, Instant until, int limit) {
      return f.call("outbox.claimPendingEffects", () -> d.claimPendingEffects(now, until, limit));
    }

    public Optional<PendingEffects> pendingEffects(ItemKey key, long ov, String writeId) {
      return f.call("outbox.pendingEffects", () -> d.pendingEffects(key, ov, writeId));
    }

    public void effectsApplied(ItemKey key, long ov, String writeId) {
      f.run("outbox.effectsApplied", () -> d.effectsApplied(key, ov, writeId));
    }
  }

  public record Memos(RequestMemos d, FaultInjector f) implements RequestMemos {
    public void rememberPrunedRequests(List<PrunedRequest> requests) {
      f.run("memos.rememberPrunedRequests", () -> d.rememberPrunedRequests(requests));
    }

    public Optional<PrunedRequest> findPrunedRequest(RouteContext collection, String requestId, Instant now) {
      return f.call("memos.findPrunedRequest", () -> d.findPrunedRequest(collection, requestId, now));
    }

    public List<PrunedRequest> prunedRequests(RouteContext collection, Optional<String> afterRequestId, int limit,
        Instant now) {
      return f.call("memos.prunedRequests", () -> d.prunedRequests(collection, afterRequestId, limit, now));
    }
  }

  public record Sequences(SequenceStore d, FaultInjector f) implements SequenceStore {
    public long next(RouteContext collection) {
      return f.call("sequences.next", () -> d.next(collection));
    }

    /** The same request as {@link #next}, under the same name. */
    public io.udm.spi.CvDraw draw(RouteContext collection, String drawer) {
      return f.call("sequences.next", () -> d.draw(collection, drawer));
    }

    public void markHardDelete(RouteContext collection) {
      f.run("sequences.markHardDelete", () -> d.markHardDelete(collection));
    }

    public boolean hardDeleteMarked(RouteContext collection) {
      return f.call("sequences.hardDeleteMarked", () -> d.hardDeleteMarked(collection));
    }

    public void beginRewrite(RouteContext collection) {
      f.run("sequences.beginRewrite", () -> d.beginRewrite(collection));
    }

    public void endRewrite(RouteContext collection) {
      f.run("sequences.endRewrite", () -> d.endRewrite(collection));
    }

    public long current(RouteContext collection) {
      return f.call("sequences.current", () -> d.current(collection));
    }

    public long fence(RouteContext collection) {
      return f.call("sequences.fence", () -> d.fence(collection));
    }

    public void reopen(RouteContext collection, long atLeast) {
      f.run("sequences.reopen", () -> d.reopen(collection, atLeast));
    }
  }

  public record Blobs(BlobStore d, FaultInjector f) implements BlobStore {
    public void put(BlobArea area, String key, byte[] bytes, String contentType) {
      f.run("blobs.put", () -> d.put(area, key, bytes, contentType));
    }

    public Optional<byte[]> get(BlobArea area, String key) {
      return f.call("blobs.get", () -> d.get(area, key));
    }

    public Optional<BlobInfo> head(BlobArea area, String key) {
      return f.call("blobs.head", () -> d.head(area, key));
    }

    public void delete(BlobArea area, String key) {
      f.run("blobs.delete", () -> d.delete(area, key));
    }

    public long deleteAll(BlobArea area, Collection<String> keys) {
      return f.call("blobs.deleteAll", () -> d.deleteAll(area, keys));
    }

    public List<BlobInfo> list(BlobArea area, String prefix, Optional<String> startAfter, int limit) {
      return f.call("blobs.list", () -> d.list(area, prefix, startAfter, limit));
    }

    public Optional<URI> presignGet(BlobArea area, String key, Duration ttl) {
      return f.call("blobs.presignGet", () -> d.presignGet(area, key, ttl));
    }
  }

  public record Counters(CounterStore d, FaultInjector f) implements CounterStore {
    public void add(RouteContext collection, CounterDelta delta) {
      f.run("counters.add", () -> d.add(collection, delta));
    }

    public boolean addOnce(RouteContext collection, CounterDelta delta, List<AppliedEffect> effects,
        Collection<String> forget) {
      return f.call("counters.addOnce", () -> d.addOnce(collection, delta, effects, forget));
    }

    public void forget(RouteContext collection, Collection<String> writeIds) {
      f.run("counters.forget", () -> d.forget(collection, writeIds));
    }

    public List<AppliedEffect> remembered(Instant appliedBefore, int limit) {
      return f.call("counters.remembered", () -> d.remembered(appliedBefore, limit));
    }

    public Totals totals(CounterQuery query) {
      return f.call("counters.totals", () -> d.totals(query));
    }

    public void reset(CounterQuery query) {
      f.run("counters.reset", () -> d.reset(query));
    }
  }

  public record Placements(PlacementRegistry d, FaultInjector f) implements PlacementRegistry {
    public Optional<Placement> placement(RouteContext collection) {
      return f.call("placements.find", () -> d.placement(collection));
    }

    public String claim(RouteContext collection, String backendId) {
      return f.call("placements.claim", () -> d.claim(collection, backendId));
    }

    public boolean replace(Placement expected, Placement next) {
      return f.call("placements.replace", () -> d.replace(expected, next));
    }

    public List<Placement> list(Optional<RouteContext> after, int limit) {
      return f.call("placements.list", () -> d.list(after, limit));
    }
  }

  public record Retries(RetryQueue d, FaultInjector f) implements RetryQueue {
    public boolean enqueue(RetryOp op) {
      return f.call("retries.enqueue", () -> d.enqueue(op));
    }

    public List<RetryOp> lease(Instant now, Duration leaseFor, int max) {
      return f.call("retries.lease", () -> d.lease(now, leaseFor, max));
    }

    public boolean extendLease(RetryOp op, Instant heldLease, Instant newLeaseUntil) {
      return f.call("retries.extendLease", () -> d.extendLease(op, heldLease, newLeaseUntil));
    }

    public boolean complete(RetryOp op, Instant heldLease) {
      return f.call("retries.complete", () -> d.complete(op, heldLease));
    }

    public boolean reschedule(RetryOp op, Instant heldLease, int attempts, Instant nextAttemptAt, String error) {
      return f.call("retries.reschedule", () -> d.reschedule(op, heldLease, attempts, nextAttemptAt, error));
    }

    public Optional<DeadLetter> deadLetter(
        RetryOp op, Instant heldLease, int attempts, String deadLetterId, Instant failedAt, String error) {
      return f.call("retries.deadLetter",
          () -> d.deadLetter(op, heldLease, attempts, deadLetterId, failedAt, error));
    }

    public Optional<String> aheadOf(RetryOp op) {
      return f.call("retries.aheadOf", () -> d.aheadOf(op));
    }

    public boolean revive(String deadLetterId, Instant now) {
      return f.call("retries.revive", () -> d.revive(deadLetterId, now));
    }

    public long cancel(String requestId, Optional<RouteContext> in) {
      return f.call("retries.cancel", () -> d.cancel(requestId, in));
    }

    public List<RetryOp> pending(FallbackFilter filter, int limit) {
      return f.call("retries.pending", () -> d.pending(filter, limit));
    }

    public List<DeadLetter> deadLetters(FallbackFilter filter, int limit) {
      return f.call("retries.deadLetters", () -> d.deadLetters(filter, limit));
    }

    public QueueCounts counts(Instant now) {
      return f.call("retries.counts", () -> d.counts(now));
    }
  }
}
