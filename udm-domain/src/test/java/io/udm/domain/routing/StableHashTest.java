package io.udm.domain.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Pins the hash to published test vectors and to values computed by an independent
 * implementation (a few lines of Python, outside the JVM). If any of these change, every
 * deployment would route collections to different backends.
 */
class StableHashTest {

  @Test
  void fnv1a64MatchesThePublishedTestVectors() {
    assertThat(fnv("")).isEqualTo(0xcbf29ce484222325L);
    assertThat(fnv("a")).isEqualTo(0xaf63dc4c8601ec8cL);
    assertThat(fnv("foobar")).isEqualTo(0x85944171f73967e8L);
  }

  @Test
  void theFinalizerMatchesSplitmix64sFirstOutputForSeedZero() {
    assertThat(StableHash.splitmix64Finalizer(0x9e3779b97f4a7c15L)).isEqualTo(0xe220a8397b1dcdafL);
  }

  @Test
  void scoresArePinnedSoAHashChangeIsCaught() {
    assertThat(RendezvousRouter.score("t1|db|users", "backend-0")).isEqualTo(0xa0ea69eab1382cbeL);
    assertThat(RendezvousRouter.score("t1|db|users", "backend-1")).isEqualTo(0x21c6f82b7df0e90aL);
    assertThat(RendezvousRouter.score("acme|crm|orders", "b7")).isEqualTo(0x7403b52b879d6f19L);
    assertThat(RendezvousRouter.score("", "x")).isEqualTo(0x2277e1372dba526eL);
  }

  @Test
  void nonAsciiTextIsHashedAsUtf8() {
    assertThat(RendezvousRouter.score("tenant-\u00fc|db|kollektion", "backend-\u00e9")).isEqualTo(0x1d9797be7267bb1aL);
  }

  @Test
  void theBoundaryBetweenKeyAndBackendIdMatters() {
    assertThat(RendezvousRouter.score("ab", "c")).isNotEqualTo(RendezvousRouter.score("a", "bc"));
  }

  private static long fnv(String text) {
    return StableHash.fnv1a64(StableHash.FNV_OFFSET_BASIS, text.getBytes(StandardCharsets.UTF_8));
  }
}
