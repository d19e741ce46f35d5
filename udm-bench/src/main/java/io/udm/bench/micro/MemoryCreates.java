package io.udm.bench.micro;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.CreateResult;
import io.udm.api.ItemOps;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.config.CollectionMap;
import io.udm.api.config.UdmConfig;
import io.udm.api.json.JsonValues;
import io.udm.bench.perf.Documents;
import io.udm.bootstrap.Udms;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A whole create on the in-memory wiring, in a collection without and with the ten-rule schema of
 * {@link CpuPaths#TEN_RULE_SCHEMA}: the schema's share of a create's cost. Each iteration starts on
 * an empty store, so the heap of earlier iterations does not weigh on later ones.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MemoryCreates {
  private static final int DOCS = 64;

  private final List<ObjectNode> docs = new ArrayList<>();
  private Udm udm;
  private ItemOps plain;
  private ItemOps withSchema;
  private int next;

  @Setup(Level.Trial)
  public void documents() {
    Documents generator = new Documents(CpuPaths.SEED);
    for (int i = 0; i < DOCS; i++) {
      docs.add(generator.next());
    }
  }

  @Setup(Level.Iteration)
  public void open() {
    CollectionMap indexed = CollectionMap.builder().addIndexedProps("status", "email", "address.city", "score").build();
    udm = Udms.inMemory(UdmConfig.builder()
        .putCollectionMaps("plain", indexed)
        .putCollectionMaps("checked", CollectionMap.builder().from(indexed)
            .schema(JsonValues.parseObject(CpuPaths.TEN_RULE_SCHEMA)).build())
        .build());
    plain = udm.with(RouteContext.of("t1", "db", "plain"));
    withSchema = udm.with(RouteContext.of("t1", "db", "checked"));
  }

  @TearDown(Level.Iteration)
  public void close() {
    udm.close();
  }

  private ObjectNode doc() {
    next = (next + 1) % DOCS;
    return docs.get(next);
  }

  @Benchmark
  public CreateResult createWithoutSchema() {
    return plain.create(doc());
  }

  @Benchmark
  public CreateResult createWithSchema() {
    return withSchema.create(doc());
  }
}
