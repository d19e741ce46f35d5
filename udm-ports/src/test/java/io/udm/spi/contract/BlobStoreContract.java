package io.udm.spi.contract;

import static io.udm.spi.contract.TestRecords.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.udm.spi.BlobArea;
import io.udm.spi.BlobInfo;
import io.udm.spi.BlobStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BlobStore} must do. Each test writes under a key prefix of its own, so a shared
 * bucket is fine. Presigning is adapter-specific and not part of this contract.
 */
public abstract class BlobStoreContract {
  private static final String JSON = "application/json";

  /** A store; it may be shared with other tests. */
  protected abstract BlobStore newStore();

  private BlobStore store;
  private String prefix;

  @BeforeEach
  void createStoreAndPrefix() {
    store = newStore();
    prefix = "t/" + unique() + "/";
  }

  @Test
  void storedBytesComeBackUnchanged() {
    byte[] everyByte = new byte[256];
    for (int i = 0; i < everyByte.length; i++) {
      everyByte[i] = (byte) i;
    }
    store.put(BlobArea.CONTENT, prefix + "bin", everyByte, "application/octet-stream");

    assertThat(stored(BlobArea.CONTENT, prefix + "bin")).isEqualTo(everyByte);
  }

  @Test
  void anEmptyObjectCanBeStored() {
    store.put(BlobArea.JSON, prefix + "empty", new byte[0], JSON);

    assertThat(stored(BlobArea.JSON, prefix + "empty")).isEmpty();
    assertThat(store.head(BlobArea.JSON, prefix + "empty")).map(BlobInfo::size).contains(0L);
  }

  @Test
  void aMissingKeyHasNoBytesAndNoHead() {
    assertThat(store.get(BlobArea.JSON, prefix + "missing")).isEmpty();
    assertThat(store.head(BlobArea.JSON, prefix + "missing")).isEmpty();
  }

  @Test
  void headTellsTheKeySizeAndWhenItWasWritten() {
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
    store.put(BlobArea.JSON, prefix + "a.json", utf8("{\"a\":1}"), JSON);

    BlobInfo info = store.head(BlobArea.JSON, prefix + "a.json").orElseThrow();

    assertThat(info.key()).isEqualTo(prefix + "a.json");
    assertThat(info.size()).isEqualTo(7);
    assertThat(info.lastModified()).isAfterOrEqualTo(before).isBeforeOrEqualTo(Instant.now().plusSeconds(1));
  }

  @Test
  void areasAreSeparate() {
    store.put(BlobArea.JSON, prefix + "k", utf8("json"), JSON);

    assertThat(store.get(BlobArea.CONTENT, prefix + "k")).isEmpty();
    assertThat(store.get(BlobArea.BACKUPS, prefix + "k")).isEmpty();
    assertThat(store.list(BlobArea.CONTENT, prefix, Optional.empty(), 10)).isEmpty();
  }

  @Test
  void aSecondPutOfAKeyReplacesTheObject() {
    store.put(BlobArea.CONTENT, prefix + "k", utf8("one"), JSON);
    store.put(BlobArea.CONTENT, prefix + "k", utf8("three"), JSON);

    assertThat(stored(BlobArea.CONTENT, prefix + "k")).isEqualTo(utf8("three"));
    assertThat(store.list(BlobArea.CONTENT, prefix, Optional.empty(), 10)).hasSize(1);
  }

  @Test
  void deletingRemovesTheObjectAndDeletingAMissingKeyIsNoError() {
    store.put(BlobArea.JSON, prefix + "k", utf8("x"), JSON);

    store.delete(BlobArea.JSON, prefix + "k");
    store.delete(BlobArea.JSON, prefix + "k");

    assertThat(store.get(BlobArea.JSON, prefix + "k")).isEmpty();
  }

  @Test
  void deleteAllCountsOnlyTheKeysThatExisted() {
    store.put(BlobArea.JSON, prefix + "a", utf8("a"), JSON);
    store.put(BlobArea.JSON, prefix + "b", utf8("b"), JSON);
    store.put(BlobArea.JSON, prefix + "c", utf8("c"), JSON);

    long deleted = store.deleteAll(BlobArea.JSON, List.of(prefix + "a", prefix + "c", prefix + "missing"));

    assertThat(deleted).isEqualTo(2);
    assertThat(keys(store.list(BlobArea.JSON, prefix, Optional.empty(), 10))).containsExactly(prefix + "b");
    assertThat(store.deleteAll(BlobArea.JSON, List.of())).isZero();
  }

  @Test
  void listingShowsOnlyKeysUnderThePrefixInKeyOrder() {
    for (String name : List.of("item-2/b", "item-1/c", "item-10/a", "item-1/a", "item-1")) {
      store.put(BlobArea.JSON, prefix + name, utf8(name), JSON);
    }
    store.put(BlobArea.JSON, prefix.substring(0, prefix.length() - 1) + "x/item-1/z", utf8("outside"), JSON);

    assertThat(keys(store.list(BlobArea.JSON, prefix, Optional.empty(), 100)))
        .containsExactly(
            prefix + "item-1", prefix + "item-1/a", prefix + "item-1/c", prefix + "item-10/a", prefix + "item-2/b");
    assertThat(keys(store.list(BlobArea.JSON, prefix + "item-1/", Optional.empty(), 100)))
        .containsExactly(prefix + "item-1/a", prefix + "item-1/c");
    assertThat(store.list(BlobArea.JSON, prefix + "item-1/a", Optional.empty(), 100))
        .singleElement()
        .satisfies(info -> assertThat(info.size()).isEqualTo(8));
  }

  @Test
  void listingPagesWithStartAfterAndLimit() {
    List<String> all = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      String key = prefix + String.format("k%02d", i);
      store.put(BlobArea.BACKUPS, key, utf8("v" + i), JSON);
      all.add(key);
    }

    List<String> paged = new ArrayList<>();
    Optional<String> startAfter = Optional.empty();
    for (int page = 0; page < 20; page++) {
      List<BlobInfo> infos = store.list(BlobArea.BACKUPS, prefix, startAfter, 4);
      assertThat(infos.size()).isLessThanOrEqualTo(4);
      if (infos.isEmpty()) {
        break;
      }
      paged.addAll(keys(infos));
      startAfter = Optional.of(infos.get(infos.size() - 1).key());
    }

    assertThat(paged).containsExactlyElementsOf(all);
  }

  @Test
  void startAfterIsExclusiveAndNeedNotBeAStoredKey() {
    for (String name : List.of("a", "b", "c")) {
      store.put(BlobArea.JSON, prefix + name, utf8(name), JSON);
    }

    assertThat(keysAfter(prefix + "a")).containsExactly(prefix + "b", prefix + "c");
    assertThat(keysAfter(prefix + "bb")).containsExactly(prefix + "c");
    assertThat(keysAfter(prefix + "c")).isEmpty();
    // A startAfter before the prefix starts the listing at the prefix.
    assertThat(keysAfter("a")).hasSize(3);
  }

  @Test
  void changingTheArraysAfterPutOrGetDoesNotChangeTheStoredObject() {
    byte[] written = utf8("original");
    store.put(BlobArea.JSON, prefix + "k", written, JSON);
    written[0] = 'X';
    store.get(BlobArea.JSON, prefix + "k").orElseThrow()[1] = 'Y';

    assertThat(stored(BlobArea.JSON, prefix + "k")).isEqualTo(utf8("original"));
  }

  private byte[] stored(BlobArea area, String key) {
    return store.get(area, key).orElseThrow(() -> new AssertionError(key + " is missing in " + area));
  }

  private List<String> keysAfter(String startAfter) {
    return keys(store.list(BlobArea.JSON, prefix, Optional.of(startAfter), 10));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> keys(List<BlobInfo> infos) {
    return infos.stream().map(BlobInfo::key).toList();
  }
}
