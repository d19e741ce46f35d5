package io.udm.app;

import io.udm.api.RouteContext;
import io.udm.spi.AppendResult;
import io.udm.spi.ItemKey;
import io.udm.spi.PendingEffects;
import io.udm.spi.VersionLog;
import io.udm.spi.VersionRecord;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A version log that forwards every call; tests override one method to inject a race or a fault. */
class ForwardingVersionLog implements VersionLog {
  private final VersionLog delegate;

  ForwardingVersionLog(VersionLog delegate) {
    this.delegate = delegate;
  }

  @Override
  public AppendResult append(VersionRecord version, Optional<PendingEffects> effects) {
    return delegate.append(version, effects);
  }

  @Override
  public Optional<VersionRecord> find(ItemKey key, long ov) {
    return delegate.find(key, ov);
  }

  @Override
  public List<VersionRecord> findAll(ItemKey key, Collection<Long> ovs) {
    return delegate.findAll(key, ovs);
  }

  @Override
  public Optional<VersionRecord> latest(ItemKey key) {
    return delegate.latest(key);
  }

  @Override
  public Optional<VersionRecord> latestAtOrBefore(ItemKey key, Instant instant) {
    return delegate.latestAtOrBefore(key, instant);
  }

  @Override
  public List<VersionRecord> history(ItemKey key) {
    return delegate.history(key);
  }

  @Override
  public List<VersionRecord> historyAfter(ItemKey key, long afterOv, int limit) {
    return delegate.historyAfter(key, afterOv, limit);
  }

  @Override
  public Optional<VersionRecord> findByRequestId(RouteContext collection, String requestId) {
    return delegate.findByRequestId(collection, requestId);
  }

  @Override
  public long delete(ItemKey key, List<Long> ovs) {
    return delegate.delete(key, ovs);
  }

  @Override
  public List<VersionRecord> listByCv(RouteContext collection, long afterCv, int limit) {
    return delegate.listByCv(collection, afterCv, limit);
  }

  @Override
  public List<String> itemIds(RouteContext collection, Optional<String> afterObjectId, int limit) {
    return delegate.itemIds(collection, afterObjectId, limit);
  }

  @Override
  public Set<Long> burn(RouteContext collection, Collection<Long> cvs, Instant at) {
    return delegate.burn(collection, cvs, at);
  }

  @Override
  public List<Long> burnedCvs(RouteContext collection, long afterCv, long upToCv, int limit) {
    return delegate.burnedCvs(collection, afterCv, upToCv, limit);
  }
}
