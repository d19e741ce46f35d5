package io.udm.adapter.memory;

import io.udm.api.RouteContext;
import io.udm.spi.AppendResult;
import io.udm.spi.EffectsOutbox;
import io.udm.spi.ItemKey;
import io.udm.spi.PendingEffects;
import io.udm.spi.PendingVersion;
import io.udm.spi.PrunedRequest;
import io.udm.spi.RequestMemos;
import io.udm.spi.VersionLog;
import io.udm.spi.VersionRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code versions} log. Both unique rules, (item, ov) and (collection, requestId), stay inside
 * one collection, so each collection has its own lock and an append checks both under it: no
 * writer slips in between the two checks. {@link VersionRecord} copies its JSON in and out, so a
 * stored record is never shared with a caller.
 */
public final class InMemoryVersionLogAdapter implements VersionLog, EffectsOutbox, RequestMemos {
  private final Map<RouteContext, CollectionLog> logs = new ConcurrentHashMap<>();

  @Override
  public AppendResult append(VersionRecord version, Optional<PendingEffects> effects) {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(effects, "effects");
    return log(version.key().collection()).append(version, effects);
  }

  @Override
  public List<PendingVersion> claimPendingEffects(Instant now, Instant until, int limit) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(until, "until");
    List<PendingVersion> claimed = new ArrayList<>();
    for (CollectionLog log : logs.values()) {
      if (claimed.size() >= limit) {
        break;
      }
      claimed.addAll(log.claim(now, until, limit - claimed.size()));
    }
    return claimed;
  }

  @Override
  public Optional<PendingEffects> pendingEffects(ItemKey key, long ov, String writeId) {
    return log(key.collection()).pending(key.objectId(), ov, writeId);
  }

  @Override
  public void effectsApplied(ItemKey key, long ov, String writeId) {
    log(key.collection()).applied(key.objectId(), ov, writeId);
  }

  @Override
  public Optional<VersionRecord> find(ItemKey key, long ov) {
    return log(key.collection()).find(key.objectId(), ov);
  }

  @Override
  public List<VersionRecord> findAll(ItemKey key, Collection<Long> ovs) {
    Objects.requireNonNull(ovs, "ovs");
    return log(key.collection()).findAll(key.objectId(), ovs);
  }

  @Override
  public Optional<VersionRecord> latest(ItemKey key) {
    return log(key.collection()).latest(key.objectId());
  }

  @Override
  public Optional<VersionRecord> latestAtOrBefore(ItemKey key, Instant instant) {
    Objects.requireNonNull(instant, "instant");
    return log(key.collection()).latestAtOrBefore(key.objectId(), instant);
  }

  @Override
  public List<VersionRecord> history(ItemKey key) {
    return log(key.collection()).history(key.objectId());
  }

  @Override
  public List<VersionRecord> historyAfter(ItemKey key, long afterOv, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("a history page needs a limit of 1 or more, got " + limit);
    }
    return log(key.collection()).historyAfter(key.objectId(), afterOv, limit);
  }

  @Override
  public Optional<VersionRecord> findByRequestId(RouteContext collection, String requestId) {
    return log(collection).findByRequestId(requestId);
  }

  @Override
  public List<String> itemIds(RouteContext collection, Optional<String> afterObjectId, int limit) {
    Objects.requireNonNull(afterObjectId, "afterObjectId");
    CollectionLog log = logs.get(collection);
    return log == null ? List.of() : log.itemIds(afterObjectId, limit);
  }

  @Override
  public List<VersionRecord> listByCv(RouteContext collection, long afterCv, int limit) {
    return log(collection).listByCv(afterCv, limit);
  }

  @Override
  public long delete(ItemKey key, List<Long> ovs) {
    return log(key.collection()).delete(key.objectId(), ovs);
  }

  @Override
  public Set<Long> burn(RouteContext collection, Collection<Long> cvs, Instant at) {
    Objects.requireNonNull(cvs, "cvs");
    Objects.requireNonNull(at, "at");
    return log(collection).burn(cvs);
  }

  @Override
  public List<Long> burnedCvs(RouteContext collection, long afterCv, long upToCv, int limit) {
    return log(collection).burnedCvs(afterCv, upToCv, limit);
  }

  @Override
  public void rememberPrunedRequests(List<PrunedRequest> requests) {
    requests.forEach(request -> log(request.key().collection()).remember(request));
  }

  @Override
  public Optional<PrunedRequest> findPrunedRequest(RouteContext collection, String requestId, Instant now) {
    return log(collection).prunedRequest(requestId).filter(memo -> memo.expiresAt().isAfter(now));
  }

  @Override
  public List<PrunedRequest> prunedRequests(RouteContext collection, Optional<String> afterRequestId, int limit,
      Instant now) {
    Objects.requireNonNull(afterRequestId, "afterRequestId");
    return log(collection).prunedRequests(afterRequestId, limit).stream()
        .filter(memo -> memo.expiresAt().isAfter(now)).toList();
  }

  private CollectionLog log(RouteContext collection) {
    return logs.computeIfAbsent(collection, c -> new CollectionLog());
  }

  /** One collection's versions by item and ov, and its request id index; every method holds the monitor. */
  private static final class CollectionLog {
    private final Map<String, NavigableMap<Long, VersionRecord>> versionsByItem = new HashMap<>();
    private final Map<String, VersionRecord> byRequestId = new HashMap<>();
    private final NavigableMap<Long, VersionRecord> byCv = new TreeMap<>();
    /** Cvs given up on: with {@link #byCv}, the unique (collection, cv) index. */
    private final NavigableSet<Long> burned = new TreeSet<>();
    /** Owed after-commit work by write id, in append order. */
    private final Map<String, PendingVersion> pendingByWriteId = new LinkedHashMap<>();

    synchronized List<PendingVersion> claim(Instant now, Instant until, int limit) {
      List<PendingVersion> claimed = new ArrayList<>();
      for (Map.Entry<String, PendingVersion> entry : pendingByWriteId.entrySet()) {
        if (claimed.size() >= limit) {
          break;
        }
        PendingVersion owed = entry.getValue();
        if (!owed.effects().claimedUntil().isAfter(now)) {
          PendingVersion renewed = new PendingVersion(owed.version(), owed.effects().claimedUntil(until));
          entry.setValue(renewed);
          claimed.add(renewed);
        }
      }
      return claimed;
    }

    synchronized List<String> itemIds(Optional<String> afterObjectId, int limit) {
      return versionsByItem.entrySet().stream().filter(item -> !item.getValue().isEmpty()).map(Map.Entry::getKey)
          .filter(id -> afterObjectId.map(after -> id.compareTo(after) > 0).orElse(true)).sorted().limit(limit)
          .toList();
    }

    synchronized Optional<PendingEffects> pending(String objectId, long ov, String writeId) {
      return Optional.ofNullable(pendingByWriteId.get(writeId))
          .filter(owed -> owed.version().key().objectId().equals(objectId) && owed.version().ov() == ov)
          .map(PendingVersion::effects);
    }

    synchronized void applied(String objectId, long ov, String writeId) {
      if (pending(objectId, ov, writeId).isPresent()) {
        pendingByWriteId.remove(writeId);
      }
    }

    synchronized List<VersionRecord> listByCv(long afterCv, int limit) {
      return byCv.tailMap(afterCv, false).values().stream().limit(limit).toList();
    }

    synchronized Set<Long> burn(Collection<Long> cvs) {
      Set<Long> committed = new TreeSet<>();
      for (long cv : cvs) {
        if (byCv.containsKey(cv)) {
          committed.add(cv);
        } else {
          burned.add(cv);
        }
      }
      return committed;
    }

    synchronized List<Long> burnedCvs(long afterCv, long upToCv, int limit) {
      if (upToCv <= afterCv) {
        return List.of();
      }
      return burned.subSet(afterCv, false, upToCv, true).stream().limit(limit).toList();
    }
    private final NavigableMap<String, PrunedRequest> prunedRequests = new TreeMap<>();

    synchronized void remember(PrunedRequest request) {
      prunedRequests.put(request.requestId(), request);
    }

    synchronized Optional<PrunedRequest> prunedRequest(String requestId) {
      return Optional.ofNullable(prunedRequests.get(requestId));
    }

    synchronized List<PrunedRequest> prunedRequests(Optional<String> afterRequestId, int limit) {
      NavigableMap<String, PrunedRequest> after = afterRequestId.isEmpty() ? prunedRequests
          : prunedRequests.tailMap(afterRequestId.get(), false);
      return after.values().stream().limit(limit).toList();
    }

    /** A replayed request id wins over a taken ov: the caller learns its write already happened. */
    synchronized AppendResult append(VersionRecord version, Optional<PendingEffects> effects) {
      Optional<VersionRecord> replayed = version.requestId().map(byRequestId::get);
      if (replayed.isPresent()) {
        return new AppendResult.RequestReplayed(replayed.get());
      }
      NavigableMap<Long, VersionRecord> versions =
          versionsByItem.computeIfAbsent(version.key().objectId(), id -> new TreeMap<>());
      if (versions.containsKey(version.ov())) {
        return AppendResult.OV_TAKEN;
      }
      if (burned.contains(version.cv()) || byCv.containsKey(version.cv())) {
        return AppendResult.CV_BURNED;
      }
      versions.put(version.ov(), version);
      byCv.put(version.cv(), version);
      version.requestId().ifPresent(requestId -> byRequestId.put(requestId, version));
      effects.ifPresent(owed -> pendingByWriteId.put(version.writeId(), new PendingVersion(version, owed)));
      return AppendResult.APPENDED;
    }

    synchronized Optional<VersionRecord> find(String objectId, long ov) {
      return Optional.ofNullable(versions(objectId).get(ov));
    }

    synchronized List<VersionRecord> findAll(String objectId, Collection<Long> ovs) {
      NavigableMap<Long, VersionRecord> versions = versions(objectId);
      return new TreeSet<>(ovs).stream().map(versions::get).filter(Objects::nonNull).toList();
    }

    synchronized Optional<VersionRecord> latest(String objectId) {
      return Optional.ofNullable(versions(objectId).lastEntry()).map(Map.Entry::getValue);
    }

    /** Scans down from the highest ov: {@code at} need not grow with ov when two writers' clocks differ. */
    synchronized Optional<VersionRecord> latestAtOrBefore(String objectId, Instant instant) {
      return versions(objectId).descendingMap().values().stream()
          .filter(version -> !version.at().isAfter(instant))
          .findFirst();
    }

    synchronized List<VersionRecord> history(String objectId) {
      return List.copyOf(versions(objectId).values());
    }

    synchronized List<VersionRecord> historyAfter(String objectId, long afterOv, int limit) {
      return versions(objectId).tailMap(afterOv, false).values().stream().limit(limit).toList();
    }

    synchronized Optional<VersionRecord> findByRequestId(String requestId) {
      return Optional.ofNullable(byRequestId.get(requestId));
    }

    synchronized long delete(String objectId, List<Long> ovs) {
      NavigableMap<Long, VersionRecord> versions = versions(objectId);
      long removed = 0;
      for (Long ov : new HashSet<>(ovs)) {
        VersionRecord gone = versions.remove(ov);
        if (gone != null) {
          removed++;
          byCv.remove(gone.cv(), gone);
          pendingByWriteId.remove(gone.writeId());
          // The unique index entry goes with the document, so the request id is free again.
          gone.requestId().ifPresent(requestId -> byRequestId.remove(requestId, gone));
        }
      }
      if (versions.isEmpty()) {
        versionsByItem.remove(objectId);
      }
      return removed;
    }

    private NavigableMap<Long, VersionRecord> versions(String objectId) {
      return versionsByItem.getOrDefault(objectId, new TreeMap<>());
    }
  }
}
