package io.udm.domain.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.udm.api.RouteContext;
import io.udm.api.error.ValidationException;
import io.udm.spi.ItemKey;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * 100,000 random names and ids, biased towards traversal material: every key UDM builds either
 * stays under its {@code t/<tenant>/<db>/<collection>/} prefix, one path segment per name, or the
 * input is refused before a key exists.
 */
class StorageKeysPropertyTest {
  private static final long SEED = Long.getLong("udm.seed", 7_100_000L);
  private static final List<String> NASTY = List.of("..", ".", "/", "\\", "\u0000", "$", "%2e", "%2f", "~", " ", "\n",
      "t/", "../", "/..", "\u202e", "\uff0e", "é", ":", "?", "#", "*");
  private static final String PLAIN = "abcXYZ019._-";
  private static final String ALNUM = "abcXYZ019";

  @Test
  void everyKeyStaysUnderItsCollectionPrefixOrTheInputIsRefused() {
    System.out.println("StorageKeysPropertyTest seed " + SEED + " (rerun with -Dudm.seed=" + SEED + ")");
    Random random = new Random(SEED);
    int accepted = 0;
    int refused = 0;
    for (int trial = 0; trial < 100_000; trial++) {
      String tenant = randomName(random);
      String db = randomName(random);
      String collection = randomName(random);
      String objectId = randomName(random);
      RouteContext ctx;
      ItemKey key;
      try {
        ctx = RouteContext.of(tenant, db, collection);
        key = ItemKey.of(ctx, objectId);
      } catch (ValidationException e) {
        refused++;
        continue;
      }
      accepted++;
      String prefix = StorageKeys.collectionPrefix(ctx);
      assertThat(prefix).isEqualTo("t/" + tenant + "/" + db + "/" + collection + "/");
      for (String built : List.of(StorageKeys.itemPrefix(key), StorageKeys.payload(key, 1 + random.nextInt(1000), "w1"),
          StorageKeys.content(key, "ab12"))) {
        assertThat(built).as("seed %s trial %s", SEED, trial).startsWith(prefix);
        String[] segments = built.split("/", -1);
        assertThat(segments[1]).isEqualTo(tenant);
        assertThat(segments[2]).isEqualTo(db);
        assertThat(segments[3]).isEqualTo(collection);
        assertThat(segments[4]).isEqualTo(objectId);
        for (String segment : segments) {
          assertThat(segment).isNotIn(".", "..").doesNotContain("\\").doesNotContain("\u0000");
        }
      }
    }
    System.out.printf("[security] storage keys: %d random inputs, %d accepted (all under their prefix), %d refused%n",
        accepted + refused, accepted, refused);
    assertThat(accepted).as("the generator must also produce valid names").isGreaterThan(5_000);
    assertThat(refused).as("and hostile ones").isGreaterThan(5_000);
  }

  private static String randomName(Random random) {
    StringBuilder s = new StringBuilder().append(ALNUM.charAt(random.nextInt(ALNUM.length())));
    int parts = 1 + random.nextInt(4);
    for (int i = 0; i < parts; i++) {
      if (random.nextInt(25) == 0) {
        s.append(NASTY.get(random.nextInt(NASTY.size())));
      } else {
        int length = 1 + random.nextInt(6);
        for (int j = 0; j < length; j++) {
          s.append(PLAIN.charAt(random.nextInt(PLAIN.length())));
        }
      }
    }
    return s.toString();
  }
}
