package io.udm.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A test clock that moves only when told, and ticks (one millisecond unless told otherwise) per
 * reading so versions differ in time.
 */
public final class MutableClock extends Clock {
  private final AtomicReference<Instant> now;
  private volatile Duration tick;

  public MutableClock(Instant start, Duration tick) {
    this.now = new AtomicReference<>(start);
    this.tick = tick;
  }

  /**
   * From now on every reading moves the clock by {@code each}: a process that stalls between any
   * two steps it times (a long GC pause, a frozen VM).
   */
  public void tickEachReading(Duration each) {
    tick = each;
  }

  public static MutableClock startingAt(String isoInstant) {
    return new MutableClock(Instant.parse(isoInstant), Duration.ofMillis(1));
  }

  /**
   * A clock that starts at real time (to the millisecond), for stores that stamp their blobs with
   * real time (S3Proxy; the in-memory store behind {@code Udms.inMemory}): moving it then ages the
   * blobs as garbage collection sees them.
   */
  public static MutableClock atRealTime() {
    return new MutableClock(Clock.systemUTC().instant().truncatedTo(ChronoUnit.MILLIS), Duration.ofMillis(1));
  }

  public void advance(Duration by) {
    now.updateAndGet(t -> t.plus(by));
  }

  /** The instant the next reading will return. */
  public Instant peek() {
    return now.get();
  }

  @Override
  public Instant instant() {
    return now.getAndUpdate(t -> t.plus(tick));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the test clock is UTC only");
  }
}
