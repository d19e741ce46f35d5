package io.udm.bench.perf;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.SplittableRandom;

/**
 * About 1 KB JSON documents from a seeded generator (the seed is printed by the suite). Safe to
 * share between threads (the perf suite's writers do), but then which thread gets which document
 * depends on scheduling: give each thread its own generator when that must be reproducible.
 */
public final class Documents {
  private static final String[] STATUSES = {"active", "inactive", "pending"};
  private final SplittableRandom random;
  private long sequence;

  public Documents(long seed) {
    this.random = new SplittableRandom(seed);
  }

  public synchronized ObjectNode next() {
    long n = sequence++;
    ObjectNode doc = JsonNodeFactory.instance.objectNode();
    doc.put("email", "user" + n + "@example.com");
    doc.put("status", STATUSES[random.nextInt(STATUSES.length)]);
    doc.put("createdAt", "2026-01-01T00:00:00Z");
    doc.put("score", random.nextInt(1_000_000));
    ObjectNode address = doc.putObject("address");
    address.put("street", random.nextInt(999) + " Long Example Street");
    address.put("city", "Springfield");
    address.put("zip", String.valueOf(10_000 + random.nextInt(89_999)));
    var tags = doc.putArray("tags");
    for (int i = 0; i < 8; i++) {
      tags.add("tag-" + random.nextInt(100));
    }
    StringBuilder notes = new StringBuilder();
    while (notes.length() < 640) {
      notes.append(Long.toString(random.nextLong(), 36)).append(' ');
    }
    doc.put("notes", notes.toString());
    return doc;
  }
}
