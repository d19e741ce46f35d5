package io.udm.bootstrap.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.udm.api.CreateResult;
import io.udm.api.DeadLetterOp;
import io.udm.api.FallbackFilter;
import io.udm.api.WriteOptions;
import io.udm.app.faults.FallbackSuite;
import io.udm.app.faults.FaultFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fallback queue on the MongoDB and S3 adapters against in-JVM servers: the shared suite
 * (injected outages), and the real S3 server stopped and restarted on the same port.
 */
class MongoS3FallbackTest extends FallbackSuite {
  @RegisterExtension
  static final MongoS3FaultFixtures STORES = new MongoS3FaultFixtures();

  @Override
  protected FaultFixture newFixture() {
    return STORES.fixture();
  }

  @Test
  void aCreateDuringAnS3OutageIsQueuedAndCommittedOnceAfterTheRestart() {
    String requestId;
    STORES.stopObjectStore();
    try {
      requestId = queuedId(() -> ops.create(doc("while S3 was down")));
      assertThat(queue.getQueueStats().queueSize()).isEqualTo(1);
    } finally {
      STORES.restartObjectStore();
    }
    String id = queue.getPendingOps(FallbackFilter.of(ctx), 1).get(0).itemId().orElseThrow();

    drain();

    assertThat(fx.history(ctx, id)).hasSize(1);
    CreateResult replay = ops.create(doc("while S3 was down"), WriteOptions.builder().requestId(requestId).build());
    assertThat(replay.id()).isEqualTo(id);
    assertThat(fx.history(ctx, id)).as("replays of the request id change nothing").hasSize(1);
  }

  @Test
  void anS3OutageOutlastingMaxAttemptsDeadLettersTheOpAndRetryDeadLetterCommitsIt() {
    DeadLetterOp dead;
    String id;
    STORES.stopObjectStore();
    try {
      String requestId = queuedId(() -> ops.create(doc("doomed")));
      id = queue.getPendingOps(FallbackFilter.of(ctx), 1).get(0).itemId().orElseThrow();
      queue.startWorker();
      await(() -> queue.getQueueStats().deadLetterSize() == 1);
      queue.stopWorker();
      dead = queue.getDeadLetterOps(FallbackFilter.of(ctx), 1).get(0);
      assertThat(dead.requestId()).isEqualTo(requestId);
    } finally {
      STORES.restartObjectStore();
    }
    assertThat(dead.attempts()).isEqualTo(3);
    assertThat(dead.lastError()).isNotBlank();
    assertThat(fx.history(ctx, id)).isEmpty();

    assertThat(queue.retryDeadLetter(dead.deadLetterId())).isTrue();
    drain();

    assertThat(fx.history(ctx, id)).hasSize(1);
  }
}
