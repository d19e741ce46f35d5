package io.udm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.udm.api.ItemOps;
import io.udm.api.ItemView;
import io.udm.api.ListOptions;
import io.udm.api.MetaQuery;
import io.udm.api.Page;
import io.udm.api.ReadOptions;
import io.udm.api.ReindexResult;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.WriteOptions;
import io.udm.api.config.CollectionMap;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.ValidationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A property added to {@code indexedProps} is refused in filters and sorts until {@code reindex}
 * backfills it; then every listing answers what it would on a collection written with the property
 * indexed from the start, also when a writer runs during the reindex. Each wiring runs it.
 */
public abstract class ReindexSuite {
  private static final String[] STATUSES = {"trial", "active", "closed"};

  private final MutableClock clock;
  private final StoragePorts ports;
  private final RouteContext users = RouteContext.of(TestStores.tenant("acme"), "crm", "users");
  private final List<Udm> opened = new ArrayList<>();

  protected ReindexSuite(TestStores stores) {
    clock = stores.clock("2026-01-01T00:00:00Z");
    ports = stores.ports(clock);
  }

  private ItemOps open(String... indexedProps) {
    Udm udm = TestUdms.open(UdmConfig.builder().putCollectionMaps("users",
        CollectionMap.builder().addIndexedProps(indexedProps).build()).build(), ports, clock, idsOfProcess(opened.size()));
    opened.add(udm);
    return udm.with(users);
  }

  /** Each Udm stands for a process of its own: its generated ids must not collide with another's. */
  private static io.udm.spi.IdGenerator idsOfProcess(int process) {
    AtomicLong next = new AtomicLong();
    return new io.udm.spi.IdGenerator() {
      @Override
      public String newObjectId() {
        return String.format("p%d-%08d", process, next.incrementAndGet());
      }

      @Override
      public String newWriteId() {
        return "p" + process + "-w" + next.incrementAndGet();
      }
    };
  }

  private Udm last() {
    return opened.get(opened.size() - 1);
  }

  @AfterEach
  void close() {
    opened.forEach(Udm::close);
  }

  @Test
  void aPropertyAddedLaterIsRefusedUntilReindexWhichWritesNoVersion() {
    ItemOps before = open("email");
    Map<String, String> statusById = new HashMap<>();
    for (int i = 0; i < 30; i++) {
      String status = STATUSES[i % 3];
      statusById.put(before.create(Map.of("email", "u" + i + "@x.io", "status", status)).id(), status);
    }
    String some = statusById.keySet().iterator().next();
    ItemView was = before.getLatest(some).orElseThrow();

    ItemOps after = open("email", "status");
    assertThatThrownBy(() -> after.listByMeta(MetaQuery.of(Map.of("status", "trial")), ListOptions.builder().build()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("'status'").hasMessageContaining("reindex");
    assertThatThrownBy(() -> after.listByMeta(MetaQuery.all(), ListOptions.builder().sortBy("status", true).build()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("reindex");
    assertThat(ids(after, MetaQuery.of(Map.of("email", "u1@x.io")))).hasSize(1);

    List<io.udm.api.Progress> progress = new ArrayList<>();
    ReindexResult result = last().maintenance().reindex(users, progress::add);

    assertThat(result.itemsScanned()).isEqualTo(30);
    assertThat(result.itemsUpdated()).isEqualTo(30);
    assertThat(progress).hasSize(30);
    assertThat(ids(after, MetaQuery.of(Map.of("status", "trial"))))
        .containsExactlyInAnyOrderElementsOf(idsWith(statusById, "trial"));
    ItemView now = after.getLatest(some).orElseThrow();
    assertThat(now.meta().get("status").asText()).as("a read shows the meta a listing filters on")
        .isEqualTo(statusById.get(some));
    assertThat(now.ov()).isEqualTo(was.ov());
    assertThat(now.cv()).isEqualTo(was.cv());
    assertThat(after.history(some)).hasSize(1);
    assertThat(last().maintenance().reindex(users).itemsUpdated()).as("nothing left to fill in").isZero();
  }

  @Test
  void aNewCollectionIndexesFromTheStartAndNeedsNoReindex() {
    ItemOps ops = open("email", "status");
    String id = ops.create(Map.of("email", "a@x.io", "status", "trial")).id();

    assertThat(ids(ops, MetaQuery.of(Map.of("status", "trial")))).containsExactly(id);
  }

  @Test
  void aPropertyDroppedAndIndexedAgainNeedsAReindexAgain() {
    ItemOps first = open("email", "status");
    first.create(Map.of("email", "a@x.io", "status", "trial"));
    assertThat(ids(first, MetaQuery.of(Map.of("status", "trial")))).hasSize(1);

    ItemOps without = open("email");
    String unindexed = without.create(Map.of("email", "b@x.io", "status", "trial")).id();

    ItemOps again = open("email", "status");
    assertThatThrownBy(() -> ids(again, MetaQuery.of(Map.of("status", "trial")))).isInstanceOf(ValidationException.class);
    last().maintenance().reindex(users);
    assertThat(ids(again, MetaQuery.of(Map.of("status", "trial")))).hasSize(2).contains(unindexed);
  }

  @Test
  void anInterruptedReindexLeavesThePropertyRefusedAndFinishesWhenRunAgain() {
    ItemOps before = open("email");
    for (int i = 0; i < 20; i++) {
      before.create(Map.of("email", "u" + i + "@x.io", "status", STATUSES[i % 3]));
    }
    ItemOps after = open("email", "status");
    AtomicLong seen = new AtomicLong();

    assertThatThrownBy(() -> last().maintenance().reindex(users, p -> {
      if (seen.incrementAndGet() == 7) {
        throw new IllegalStateException("stopped on purpose");
      }
    })).hasMessageContaining("stopped on purpose");
    assertThatThrownBy(() -> ids(after, MetaQuery.of(Map.of("status", "active")))).isInstanceOf(ValidationException.class);

    ReindexResult again = last().maintenance().reindex(users);
    assertThat(again.itemsUpdated()).as("the 7 done before the stop stay done").isEqualTo(20 - 7);
    assertThat(ids(after, MetaQuery.of(Map.of("status", "active")))).hasSize(7);
  }

  /**
   * The proof: 10,000 items written before {@code status} was indexed, a writer updating and
   * creating items while the reindex runs, then every listing compared with the truth read item by item.
   */
  @Test
  void aReindexUnderARunningWriterLeavesEveryListingExact() throws Exception {
    long seed = Seeds.seed("ReindexSuite");
    Random random = new Random(seed);
    ItemOps before = open("email");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(before.create(Map.of("email", "u" + i + "@x.io", "status", STATUSES[random.nextInt(3)])).id());
    }
    ItemOps after = open("email", "status");
    assertThatThrownBy(() -> ids(after, MetaQuery.of(Map.of("status", "trial")))).isInstanceOf(ValidationException.class);

    AtomicBoolean stop = new AtomicBoolean();
    List<String> created = new java.util.concurrent.CopyOnWriteArrayList<>();
    Random writes = new Random(seed + 1);
    Thread writer = new Thread(() -> {
      int n = 0;
      while (!stop.get()) {
        String status = STATUSES[writes.nextInt(3)];
        if (n++ % 4 == 0) {
          created.add(after.create(Map.of("email", "new" + n + "@x.io", "status", status)).id());
        } else {
          String id = ids.get(writes.nextInt(ids.size()));
          after.update(id, Map.of("email", id + "@x.io", "status", status), WriteOptions.none());
        }
      }
    });
    writer.start();
    ReindexResult result;
    try {
      result = last().maintenance().reindex(users);
    } finally {
      stop.set(true);
      writer.join(60_000);
    }

    assertThat(result.itemsScanned()).isGreaterThanOrEqualTo(10_000);
    List<String> all = new ArrayList<>(ids);
    all.addAll(created);
    Map<String, String> truth = new LinkedHashMap<>();
    for (String id : all) {
      truth.put(id, after.getLatest(id, ReadOptions.defaults()).orElseThrow().data().get("status").asText());
    }
    for (String status : STATUSES) {
      assertThat(ids(after, MetaQuery.of(Map.of("status", status)))).as(status)
          .containsExactlyInAnyOrderElementsOf(idsWith(truth, status));
    }
    assertThat(ids(after, MetaQuery.fromJson("{\"status\": {\"$in\": [\"trial\", \"closed\"]}}")))
        .containsExactlyInAnyOrderElementsOf(truth.entrySet().stream()
            .filter(e -> !e.getValue().equals("active")).map(Map.Entry::getKey).toList());
    List<String> sorted = listAll(after, MetaQuery.all(), "status");
    assertThat(sorted).hasSize(truth.size());
    List<String> statuses = sorted.stream().map(truth::get).toList();
    assertThat(statuses).isSortedAccordingTo(String::compareTo);
  }

  private static List<String> idsWith(Map<String, String> statusById, String status) {
    return statusById.entrySet().stream().filter(e -> e.getValue().equals(status)).map(Map.Entry::getKey)
        .collect(Collectors.toList());
  }

  private static List<String> ids(ItemOps ops, MetaQuery query) {
    return listAll(ops, query, null);
  }

  /** Every page of a listing, sorted by {@code sortField} (null: by id). */
  private static List<String> listAll(ItemOps ops, MetaQuery query, String sortField) {
    List<String> out = new ArrayList<>();
    String cursor = null;
    do {
      ListOptions.Builder options = ListOptions.builder();
      if (sortField != null) {
        options.sortBy(sortField, true);
      }
      options.limit(1000);
      if (cursor != null) {
        options.cursor(cursor);
      }
      Page<ItemView> page = ops.listByMeta(query, options.build());
      page.items().forEach(v -> out.add(v.id()));
      cursor = page.nextCursor().orElse(null);
    } while (cursor != null);
    return out;
  }
}
