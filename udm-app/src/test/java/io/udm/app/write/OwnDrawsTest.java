package io.udm.app.write;

import static io.udm.spi.contract.TestRecords.newCollection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.udm.adapter.memory.InMemoryBackends;
import io.udm.api.RouteContext;
import io.udm.app.faults.FaultInjector;
import io.udm.app.faults.FaultyPorts;
import io.udm.api.error.StorageException;
import io.udm.spi.BackendPorts;
import io.udm.spi.Ticker;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * When {@link OwnDraws} vouches that only this process drew since a cv: never while one of its own
 * earlier draws, which may tell of another drawer, is still out; after it is back, by what it told.
 */
class OwnDrawsTest {
  private final BackendPorts backend = InMemoryBackends.backend(0, "b0");
  private final FaultInjector faults = new FaultInjector();
  /** The same backend, its counter's replies held or lost as a test says. */
  private final BackendPorts faulty = new BackendPorts(backend.index(), backend.backendId(), backend.heads(),
      backend.versions(), backend.outbox(), backend.requestMemos(),
      new FaultyPorts.Sequences(backend.sequences(), faults), backend.blobs(), backend.mongoProbe(),
      backend.blobProbe(), backend.mongoEndpoint(), backend.blobEndpoint());
  private final RouteContext collection = newCollection();

  @Test
  void drawsOfThisProcessAloneAreVouchedForAndAnotherDrawerIsNot() {
    OwnDraws own = new OwnDraws("process-a", Ticker.system(), OwnDraws.LONGEST_WAIT);
    long written = own.draw(backend, collection, OptionalLong.empty()).draw().cv();

    assertThat(own.draw(backend, collection, OptionalLong.of(written)).onlyOwnSince()).isTrue();
    backend.sequences().draw(collection, "another process");
    assertThat(own.draw(backend, collection, OptionalLong.of(written)).onlyOwnSince()).isFalse();
    assertThat(own.draw(backend, collection, OptionalLong.empty()).onlyOwnSince()).as("nothing asked").isFalse();
  }

  @Test
  void aDrawWhoseReplyWasLostCountsAsFollowingAnotherDrawer() {
    OwnDraws own = new OwnDraws("process-a", Ticker.system(), OwnDraws.LONGEST_WAIT);
    long written = own.draw(backend, collection, OptionalLong.empty()).draw().cv();
    faults.on("sequences.next", 1, FaultInjector.Action.FAIL_AFTER);

    assertThatThrownBy(() -> own.draw(faulty, collection, OptionalLong.empty())).isInstanceOf(StorageException.class);

    OwnDraws.OwnDraw next = own.draw(backend, collection, OptionalLong.of(written));
    assertThat(next.draw().followsOwnDraw()).as("the lost draw was this process's").isTrue();
    assertThat(next.onlyOwnSince()).isFalse();
    assertThat(own.draw(backend, collection, OptionalLong.of(next.draw().cv())).onlyOwnSince())
        .as("from a cv after it on").isTrue();
  }

  @Test
  void aCheckWaitsForAnEarlierDrawStillOutAndVouchesWhenItFollowedThisProcess() throws Exception {
    OwnDraws own = new OwnDraws("process-a", Ticker.system(), Duration.ofSeconds(30));
    long written = own.draw(backend, collection, OptionalLong.empty()).draw().cv();

    assertThat(checkWhileAnEarlierDrawIsOut(own, written, false)).isTrue();
  }

  @Test
  void anEarlierDrawThatFollowedAnotherDrawerMakesTheCheckFail() throws Exception {
    OwnDraws own = new OwnDraws("process-a", Ticker.system(), Duration.ofSeconds(30));
    long written = own.draw(backend, collection, OptionalLong.empty()).draw().cv();

    assertThat(checkWhileAnEarlierDrawIsOut(own, written, true)).isFalse();
  }

  @Test
  void aCheckGivesUpOnAnEarlierDrawThatStaysOut() throws Exception {
    OwnDraws own = new OwnDraws("process-a", Ticker.system(), Duration.ofMillis(50));
    long written = own.draw(backend, collection, OptionalLong.empty()).draw().cv();
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch answered = new CountDownLatch(1);
    CompletableFuture<OwnDraws.OwnDraw> held = drawHeldUntil(own, release, answered, false);
    assertThat(answered.await(10, TimeUnit.SECONDS)).isTrue();

    OwnDraws.OwnDraw check = own.draw(backend, collection, OptionalLong.of(written));
    release.countDown();

    assertThat(check.draw().followsOwnDraw()).as("the held draw was this process's").isTrue();
    assertThat(check.onlyOwnSince()).isFalse();
    held.get(10, TimeUnit.SECONDS);
  }

  /**
   * Holds a draw of this process after the counter answered it (optionally after another drawer's
   * draw), checks with a later draw while it is out, and lets it come back once the check waits.
   */
  private boolean checkWhileAnEarlierDrawIsOut(OwnDraws own, long written, boolean anotherDrawerFirst)
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch answered = new CountDownLatch(1);
    CompletableFuture<OwnDraws.OwnDraw> held = drawHeldUntil(own, release, answered, anotherDrawerFirst);
    assertThat(answered.await(10, TimeUnit.SECONDS)).isTrue();
    Thread checker = Thread.currentThread();
    CompletableFuture<Void> releaser = CompletableFuture.runAsync(() -> {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (checker.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      release.countDown();
    });

    OwnDraws.OwnDraw check = own.draw(backend, collection, OptionalLong.of(written));

    releaser.get(10, TimeUnit.SECONDS);
    assertThat(held.get(10, TimeUnit.SECONDS).draw().cv()).isLessThan(check.draw().cv());
    return check.onlyOwnSince();
  }

  private CompletableFuture<OwnDraws.OwnDraw> drawHeldUntil(OwnDraws own, CountDownLatch release,
      CountDownLatch answered, boolean anotherDrawerFirst) {
    faults.after("sequences.next", faults.calls("sequences.next") + 1, () -> {
      answered.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    if (anotherDrawerFirst) {
      backend.sequences().draw(collection, "another process");
    }
    return CompletableFuture.supplyAsync(() -> own.draw(faulty, collection, OptionalLong.empty()));
  }
}
