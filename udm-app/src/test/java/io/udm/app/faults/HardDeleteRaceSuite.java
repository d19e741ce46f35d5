package io.udm.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.udm.api.HardDeleteOptions;
import io.udm.api.ItemOps;
import io.udm.api.ReadOptions;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.NotFoundException;
import io.udm.api.error.StorageException;
import io.udm.api.error.TxnException;
import io.udm.app.Seeds;
import io.udm.app.Stress;
import io.udm.domain.keys.StorageKeys;
import io.udm.spi.BlobArea;
import io.udm.spi.ItemKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A hard delete racing a tight update loop on the same item, round after round, from two
 * processes: when the hard delete has returned and the writer has stopped, the item is gone whole
 * (no head, no version, no object) and {@code verify} finds nothing wrong, every round. Rounds:
 * {@link #defaultRounds()}, or {@code -Dudm.hardDeleteRace.rounds=N}.
 */
public abstract class HardDeleteRaceSuite {
  protected abstract FaultFixture newFixture();

  /** How many rounds a wiring runs by default. */
  protected abstract int defaultRounds();

  @Test
  void aHardDeleteRacingATightUpdateLoopLeavesNothingBehindEveryRound() throws Exception {
    long seed = Seeds.seed(getClass().getSimpleName() + " hard delete race", "udm.hardDeleteRace.seed");
    Random random = new Random(seed);
    int rounds = Integer.getInteger("udm.hardDeleteRace.rounds", defaultRounds() * (Stress.on() ? 5 : 1));
    FaultFixture fx = newFixture();
    UdmConfig config = UdmConfig.builder().from(fx.config).hardDeleteEnabled(true).build();
    RouteContext ctx = RouteContext.of("hd" + UUID.randomUUID().toString().substring(0, 8), "db", "race");
    Udm writerProcess = fx.victim(config);
    Udm deleterProcess = fx.rival(config);
    ItemOps writer = writerProcess.with(ctx);
    int raced = 0;
    List<String> unexpected = new ArrayList<>();
    boolean passed = false;
    try {
      for (int round = 0; round < rounds; round++) {
        String id = writer.create(Map.of("round", round, "n", 0)).id();
        for (int n = 1; n <= 4; n++) {
          writer.update(id, Map.of("round", round, "n", n));
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger acknowledged = new AtomicInteger();
        int deleteAfter = random.nextInt(6);
        Thread updates = new Thread(() -> {
          for (int n = 5; !stop.get(); n++) {
            try {
              writer.update(id, Map.of("round", 0, "n", n));
              acknowledged.incrementAndGet();
            } catch (NotFoundException gone) {
              return;
            } catch (StorageException | TxnException retryable) {
              // A write that could not finish; the next one tries again.
            } catch (RuntimeException e) {
              unexpected.add(e.toString());
              return;
            }
          }
        }, "updates-" + round);
        updates.start();
        while (acknowledged.get() < deleteAfter && updates.isAlive()) {
          Thread.onSpinWait();
        }
        deleterProcess.maintenance().hardDelete(ctx, id, HardDeleteOptions.confirmed());
        stop.set(true);
        updates.join(60_000);
        raced += acknowledged.get() > 0 ? 1 : 0;

        ItemKey key = ItemKey.of(ctx, id);
        assertThat(deleterProcess.maintenance().verify(ctx).problems()).as("round %d (seed %d): verify", round, seed)
            .isEmpty();
        assertThat(fx.head(ctx, id)).as("round %d: head", round).isEmpty();
        assertThat(fx.history(ctx, id)).as("round %d: versions", round).isEmpty();
        assertThat(fx.backend(ctx).blobs().list(BlobArea.JSON, StorageKeys.itemPrefix(key), Optional.empty(), 10))
            .as("round %d: payloads", round).isEmpty();
        assertThat(writer.getLatest(id, ReadOptions.builder().includeDeleted(true).build()))
            .as("round %d: nothing comes back", round).isEmpty();
      }
      passed = true;
    } finally {
      writerProcess.close();
      deleterProcess.close();
      // Rounds share one seeded stream: a failure stops the series, and its seed replays it.
      Stress.summary(getClass().getSimpleName() + " hard delete race", rounds, "one stream from " + seed,
          passed && unexpected.isEmpty() ? 0 : 1);
    }
    System.out.printf("[hard delete race] %s: %d rounds (seed %d), in %d the writer had updates acknowledged"
        + " before the hard delete won%n", getClass().getSimpleName(), rounds, seed, raced);
    assertThat(unexpected).as("failures other than the item being gone").isEmpty();
  }
}
