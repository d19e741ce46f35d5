package io.udm.bench.perf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.ItemOps;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.config.UdmConfig;
import io.udm.bootstrap.Udms;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * UDM's own CPU cost per create ({@code bench/run.sh ceiling}): one thread creating ~1 KB
 * documents on the in-memory adapters, in rounds, each reported with the garbage-collection time
 * it contained. The in-memory adapters keep every version on the heap, so the live set grows and
 * young collections copy more and more of it: rounds without a pause show the write path's cost,
 * the rest what that retention adds.
 */
public final class InMemoryCeiling {
  private InMemoryCeiling() {}

  public static void main(String[] args) throws java.io.IOException {
    int perRound = Integer.parseInt(args.length > 0 ? args[0] : "30000");
    int rounds = Integer.parseInt(args.length > 1 ? args[1] : "10");
    java.nio.file.Path out = java.nio.file.Path.of(args.length > 2 ? args[2] : "bench");
    long seed = Long.getLong("udm.seed", System.nanoTime());
    StringBuilder report = new StringBuilder("# In-memory ceiling: the last run\n\nWritten by `bench/run.sh ceiling`.\n\n")
        .append("- started: ").append(java.time.Instant.now()).append('\n')
        .append("- load before: ").append(Measure.loadAverage()).append('\n')
        .append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
        .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version")).append('\n')
        .append("- seed ").append(seed).append(", ").append(perRound).append(" creates per round, ").append(rounds)
        .append(" rounds, default options\n\n| round | creates/s | us each | GC ms |\n| --- | --- | --- | --- |\n");
    System.out.println("seed " + seed + ", " + perRound + " creates per round, " + rounds + " rounds");
    Documents documents = new Documents(seed);
    List<ObjectNode> docs = new ArrayList<>();
    for (int i = 0; i < 256; i++) {
      docs.add(documents.next());
    }
    List<Double> quiet = new ArrayList<>();
    long allCreates = 0;
    long allNanos = 0;
    try (Udm udm = Udms.inMemory(UdmConfig.builder().build())) {
      ItemOps items = udm.with(RouteContext.of("bench", "db", "ceiling"));
      for (int round = 0; round < rounds; round++) {
        long gcBefore = gcMillis();
        long started = System.nanoTime();
        for (int i = 0; i < perRound; i++) {
          items.create(docs.get(i & 255));
        }
        long nanos = System.nanoTime() - started;
        long gc = gcMillis() - gcBefore;
        double perSecond = perRound / (nanos / 1e9);
        System.out.printf("round %2d: %,8.0f creates/s, %5.1f us each, GC %,5d ms%n", round, perSecond,
            nanos / 1e3 / perRound, gc);
        report.append(String.format(java.util.Locale.ROOT, "| %d | %,.0f | %.1f | %,d |%n", round, perSecond,
            nanos / 1e3 / perRound, gc));
        // The first rounds warm the JIT up; they count in neither figure.
        if (round >= 2) {
          allCreates += perRound;
          allNanos += nanos;
          if (gc == 0) {
            quiet.add(perSecond);
          }
        }
      }
    }
    String summary = String.format(java.util.Locale.ROOT,
        "after warm-up (rounds 2 on): %,.0f creates/s over all rounds; rounds without GC: %s",
        allCreates / (allNanos / 1e9), quiet.stream().map(v -> String.format(java.util.Locale.ROOT, "%,.0f", v)).toList());
    System.out.println(summary);
    report.append('\n').append(summary).append("\n\n- load after: ").append(Measure.loadAverage()).append('\n');
    java.nio.file.Files.createDirectories(out);
    java.nio.file.Files.writeString(out.resolve("ceiling-run.md"), report);
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
  }
}
