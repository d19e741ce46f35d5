package io.udm.app.write;

import static io.udm.spi.contract.TestRecords.newCollection;
import static io.udm.spi.contract.TestRecords.newKey;
import static io.udm.spi.contract.TestRecords.version;
import static org.assertj.core.api.Assertions.assertThat;

import io.udm.adapter.memory.InMemoryBackends;
import io.udm.api.RouteContext;
import io.udm.spi.BackendPorts;
import io.udm.spi.CvDraw;
import io.udm.spi.ItemKey;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What {@link RememberedHeads} keeps, for how long, and with which count of rewrites. */
class RememberedHeadsTest {
  private final BackendPorts backend = InMemoryBackends.backend(0, "b0");
  private final BackendPorts other = InMemoryBackends.backend(1, "b1");
  private final RouteContext collection = newCollection();
  private final RememberedHeads remembered = new RememberedHeads();

  @Test
  void aWriteIsRememberedWithTheRewritesItsDrawSawOnlyWhenNoneRan() {
    ItemKey quiet = newKey(collection);
    ItemKey busy = newKey(collection);

    remembered.wrote(backend, version(quiet, 1).build(), new CvDraw(1, false, 3, 3));
    remembered.wrote(backend, version(busy, 1).build(), new CvDraw(2, false, 4, 3));

    assertThat(remembered.head(backend, quiet)).hasValueSatisfying(r -> {
      assertThat(r.head().ov()).isEqualTo(1);
      assertThat(r.rewritesBegun()).isEqualTo(3);
    });
    assertThat(remembered.head(backend, busy)).as("drawn while a rewrite ran").isEmpty();
    assertThat(remembered.head(other, quiet)).as("another pair's item").isEmpty();
  }

  @Test
  void aReadIsRememberedWithTheLastQuietDrawBeforeIt() {
    ItemKey key = newKey(collection);
    assertThat(remembered.beforeRead(backend, collection)).as("no draw yet").isEmpty();
    remembered.drawn(backend, collection, new CvDraw(5, false, 2, 2));
    OptionalLong before = remembered.beforeRead(backend, collection);
    remembered.drawn(backend, collection, new CvDraw(6, false, 3, 2));

    remembered.read(backend, version(key, 4).build(), before);

    assertThat(before).hasValue(2);
    assertThat(remembered.head(backend, key).orElseThrow().rewritesBegun()).isEqualTo(2);
    assertThat(remembered.beforeRead(backend, collection)).as("a rewrite runs now").isEmpty();
    remembered.read(backend, version(key, 5).build(), remembered.beforeRead(backend, collection));
    assertThat(remembered.head(backend, key)).as("read while a rewrite ran: forgotten").isEmpty();
  }

  @Test
  void anOlderHeadNeverReplacesANewerOne() {
    ItemKey key = newKey(collection);
    remembered.wrote(backend, version(key, 3).build(), new CvDraw(9, false));
    remembered.read(backend, version(key, 2).build(), OptionalLong.of(0));

    assertThat(remembered.head(backend, key).orElseThrow().head().ov()).isEqualTo(3);
  }

  @Test
  void theLeastRecentlyUsedGoWhenTheCountOrThePayloadBytesRunOver() {
    ItemKey first = newKey(collection);
    remembered.wrote(backend, version(first, 1).build(), new CvDraw(1, false));
    for (int i = 0; i < RememberedHeads.CAPACITY; i++) {
      remembered.wrote(backend, version(newKey(collection), 1).build(), new CvDraw(i + 2, false));
    }
    assertThat(remembered.head(backend, first)).as("one over the count").isEmpty();

    RememberedHeads large = new RememberedHeads();
    String payload = "{\"p\":\"" + "x".repeat(1 << 20) + "\"}";
    ItemKey oldest = newKey(collection);
    ItemKey used = newKey(collection);
    large.wrote(backend, version(oldest, 1).inline(payload).build(), new CvDraw(1, false));
    large.wrote(backend, version(used, 1).inline(payload).build(), new CvDraw(2, false));
    long fit = RememberedHeads.CAPACITY_BYTES / payload.length();
    for (int i = 2; i < fit; i++) {
      large.head(backend, used);
      large.wrote(backend, version(newKey(collection), 1).inline(payload).build(), new CvDraw(i + 1, false));
    }
    ItemKey last = newKey(collection);
    large.wrote(backend, version(last, 1).inline(payload).build(), new CvDraw(fit + 1, false));

    // Looked up last: a lookup makes a head recently used. Booleans: a head prints its megabyte.
    assertThat(large.head(backend, used).isPresent()).as("used all along").isTrue();
    assertThat(large.head(backend, last).isPresent()).isTrue();
    assertThat(large.head(backend, oldest).isPresent()).as("the least recently used, one over %d MiB", fit).isFalse();
  }

  @Test
  void aReadOfTheVersionThisProcessWroteKeepsTheCvItWasWrittenAt() {
    ItemKey key = newKey(collection);
    io.udm.spi.VersionRecord written = version(key, 1).cv(7).build();
    remembered.wrote(backend, written, new CvDraw(7, false, 2, 2));

    remembered.read(backend, written, OptionalLong.of(2));
    assertThat(remembered.head(backend, key).orElseThrow().writtenAtCv()).hasValue(7);

    remembered.read(backend, version(key, 2).cv(9).build(), OptionalLong.of(2));
    assertThat(remembered.head(backend, key).orElseThrow().writtenAtCv()).as("another process's version").isEmpty();
  }
}
