package io.udm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.Change;
import io.udm.api.ChangePage;
import io.udm.api.ChangeQuery;
import io.udm.api.ItemOps;
import io.udm.api.Op;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.WriteOptions;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.NotFoundException;
import io.udm.api.error.OptimisticLockException;
import io.udm.api.error.StorageException;
import io.udm.api.json.JsonValues;
import io.udm.app.faults.FaultInjector;
import io.udm.app.faults.FaultyPorts;
import io.udm.app.faults.SimulatedCrash;
import io.udm.domain.changes.FeedTiming;
import io.udm.domain.diff.JsonDiffs;
import io.udm.spi.VersionRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The change feed is complete and exact while writers run, conflict and die, and diffs between any
 * two versions of an item apply back exactly. Each wiring runs it.
 */
public abstract class ChangeFeedSuite {
  private final TestStores stores;
  private final ShiftableClock clock = new ShiftableClock();
  private final FaultInjector faults = new FaultInjector();
  private final List<Udm> opened = new ArrayList<>();
  /** One id source for every process of a test, as UUIDv7 ids never collide across processes. */
  private final io.udm.spi.IdGenerator ids = MemoryPorts.sequentialIds();
  private MutableClock storeClock;
  private StoragePorts ports;
  private RouteContext ctx;

  protected ChangeFeedSuite(TestStores stores) {
    this.stores = stores;
  }

  /** How many versions the load test writes: 5,000 by default, 20,000 under {@code -Pstress}, {@code -Dudm.feed.versions=N}. */
  protected int versionsUnderLoad() {
    return Integer.getInteger("udm.feed.versions", Stress.on() ? 20_000 : 5_000);
  }

  /** How long the load test's writers and follower may take: a minute per thousand versions, five at least. */
  private Duration loadBound() {
    return Duration.ofMinutes(Math.max(5, versionsUnderLoad() / 1000));
  }

  @BeforeEach
  void open() {
    storeClock = stores.clock("2026-01-01T00:00:00Z");
    ports = stores.ports(storeClock);
    ctx = RouteContext.of(TestStores.tenant("feed"), "db", "notes");
  }

  @AfterEach
  void close() {
    opened.forEach(Udm::close);
  }

  private Udm udm(StoragePorts on) {
    Udm udm = TestUdms.open(UdmConfig.builder().build(), on, clock, ids);
    opened.add(udm);
    return udm;
  }

  /** Real time, which a test can move ahead once no writer is in flight, to settle gaps without waiting. */
  private static final class ShiftableClock extends Clock {
    private volatile Duration shift = Duration.ZERO;

    void shift(Duration by) {
      shift = shift.plus(by);
    }

    @Override
    public Instant instant() {
      return Clock.systemUTC().instant().plus(shift);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("a test clock stays in UTC");
    }
  }

  /** Reads the feed from {@code afterCv} until a page comes back empty. */
  private static List<Change> drain(ItemOps ops, long afterCv, int pageSize) {
    List<Change> seen = new ArrayList<>();
    long next = afterCv;
    while (true) {
      ChangePage page = ops.changes(ChangeQuery.builder().afterCv(next).limit(pageSize).build());
      if (page.changes().isEmpty()) {
        return seen;
      }
      seen.addAll(page.changes());
      next = page.nextAfterCv();
    }
  }

  /** Every committed version of the collection, in cv order, read behind UDM's back. */
  private List<VersionRecord> committed() {
    List<VersionRecord> all = new ArrayList<>();
    long after = 0;
    while (true) {
      List<VersionRecord> page = ports.backends().get(0).versions().listByCv(ctx, after, 1000);
      all.addAll(page);
      if (page.size() < 1000) {
        return all;
      }
      after = page.get(page.size() - 1).cv();
    }
  }

  private static void assertSameVersions(List<Change> seen, List<VersionRecord> committed) {
    assertThat(seen).extracting(Change::cv).as("cvs the follower saw").doesNotHaveDuplicates().isSorted()
        .containsExactlyElementsOf(committed.stream().map(VersionRecord::cv).toList());
    for (int i = 0; i < seen.size(); i++) {
      assertThat(seen.get(i).id()).isEqualTo(committed.get(i).key().objectId());
      assertThat(seen.get(i).ov()).isEqualTo(committed.get(i).ov());
    }
  }

  /** What a writer was told: this version of this item was committed at this cv. */
  private record Ack(String id, long ov, long cv) {
    static Ack of(Change change) {
      return new Ack(change.id(), change.ov(), change.cv());
    }
  }

  @Test
  void aFollowerSeesEveryVersionCommittedByEightWritersOnceInCvOrder() throws Exception {
    long seed = Seeds.seed("ChangeFeedSuite load");
    int perWriter = versionsUnderLoad() / 8;
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(9);
    // Each writer is a UDM instance of its own, as separate processes would be; so is the follower.
    ItemOps first = udm(ports).with(ctx);
    List<Ack> sharedAcks = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      var created = first.create(Map.of("n", 0));
      sharedAcks.add(new Ack(created.id(), created.ov(), created.cv()));
    }
    List<String> shared = sharedAcks.stream().map(Ack::id).toList();
    List<Future<Written>> writers = new ArrayList<>();
    for (int w = 0; w < 8; w++) {
      Random random = new Random(Stress.runSeed(seed, w));
      ItemOps writer = udm(ports).with(ctx);
      writers.add(pool.submit(() -> write(writer, random, perWriter, shared)));
    }
    ItemOps followerOps = udm(ports).with(ctx);
    Future<List<Change>> follower = pool.submit(() -> follow(followerOps, writing));
    List<Ack> acked = new ArrayList<>(sharedAcks);
    int conflicts = 0;
    for (Future<Written> writer : writers) {
      Written written = writer.get(loadBound().toMinutes(), TimeUnit.MINUTES);
      acked.addAll(written.acks());
      conflicts += written.conflicts();
    }
    writing.set(false);
    // No writer is in flight: move past the bound so the cvs that lost a race count as burned now.
    clock.shift(FeedTiming.LONGEST_UNLISTED.plusSeconds(1));
    List<Change> seen = follower.get(loadBound().toMinutes(), TimeUnit.MINUTES);
    pool.shutdown();

    System.out.printf("[feed] %s: %d versions acknowledged to 8 writers, each its own UDM instance (%d lost a race,"
        + " burning their cv), the follower saw %d, pages of 7%n", getClass().getSimpleName(), acked.size(), conflicts,
        seen.size());
    boolean exact = seen.stream().map(Ack::of).collect(java.util.stream.Collectors.toSet()).equals(Set.copyOf(acked))
        && seen.size() == acked.size();
    Stress.summary(getClass().getSimpleName() + " feed load (" + acked.size() + " versions)", 1,
        "writers' spread from base " + seed, exact ? 0 : 1);
    assertThat(acked).as("acknowledged writes").hasSizeGreaterThanOrEqualTo(perWriter * 8 * 9 / 10);
    assertThat(seen).extracting(Change::cv).as("cvs the follower saw").doesNotHaveDuplicates().isSorted();
    // Nothing fails here but a lost race, which commits nothing: the feed holds exactly what was acknowledged.
    assertThat(seen.stream().map(Ack::of).toList()).as("the feed against the writers' acknowledgements")
        .containsExactlyInAnyOrderElementsOf(acked);
    // And each item's history, read through another instance, holds exactly the versions the feed listed for it.
    ItemOps reader = udm(ports).with(ctx);
    Map<String, List<Ack>> listedPerItem = seen.stream().map(Ack::of)
        .collect(java.util.stream.Collectors.groupingBy(Ack::id));
    listedPerItem.forEach((id, listed) -> assertThat(reader.history(id).stream()
        .map(v -> new Ack(id, v.ov(), v.cv())).toList()).as("history of %s", id)
        .containsExactlyInAnyOrderElementsOf(listed));
  }

  /** A writer's acknowledged versions, and how many of its writes lost a race. */
  private record Written(List<Ack> acks, int conflicts) {}

  /** Creates and updates items of its own, and updates two items every writer shares (some conflicts). */
  private static Written write(ItemOps ops, Random random, int versions, List<String> shared) {
    List<String> mine = new ArrayList<>();
    List<Ack> acks = new ArrayList<>();
    int conflicts = 0;
    for (int i = 0; i < versions; i++) {
      try {
        int pick = random.nextInt(10);
        if (pick < 3 || mine.isEmpty()) {
          var created = ops.create(Map.of("n", i));
          mine.add(created.id());
          acks.add(new Ack(created.id(), created.ov(), created.cv()));
        } else if (pick < 8) {
          var updated = ops.update(mine.get(random.nextInt(mine.size())), Map.of("n", i));
          acks.add(new Ack(updated.id(), updated.ov(), updated.cv()));
        } else {
          String id = shared.get(random.nextInt(shared.size()));
          long ov = ops.getLatest(id).orElseThrow().ov();
          var updated = ops.update(id, Map.of("n", i), WriteOptions.builder().expectedOv(ov).build());
          acks.add(new Ack(updated.id(), updated.ov(), updated.cv()));
        }
      } catch (OptimisticLockException lostRace) {
        conflicts++;
      }
    }
    return new Written(acks, conflicts);
  }

  /** Follows the feed in small pages until the writers stopped and a page comes back empty. */
  private static List<Change> follow(ItemOps ops, AtomicBoolean writing) throws InterruptedException {
    List<Change> seen = new ArrayList<>();
    long next = 0;
    while (true) {
      boolean stillWriting = writing.get();
      ChangePage page = ops.changes(ChangeQuery.builder().afterCv(next).limit(7).build());
      seen.addAll(page.changes());
      next = page.nextAfterCv();
      if (page.changes().isEmpty()) {
        if (!stillWriting) {
          return seen;
        }
        Thread.sleep(2);
      }
    }
  }

  @Test
  void writersThatDieOrFailBetweenDrawingTheirCvAndCommittingNeitherStallNorSkipTheFeed() {
    ItemOps other = udm(ports).with(ctx);
    ItemOps dying = udm(FaultyPorts.wrap(ports, faults)).with(ctx);
    Random random = new Random(Seeds.seed("ChangeFeedSuite dying writers"));
    int died = 0;
    for (int i = 0; i < 120; i++) {
      faults.reset();
      if (i % 3 == 0) {
        faults.on("sequences.next", 1, random.nextBoolean()
            ? FaultInjector.Action.CRASH_AFTER : FaultInjector.Action.FAIL_AFTER);
      }
      try {
        dying.create(Map.of("i", i));
      } catch (SimulatedCrash | StorageException e) {
        died++;
      }
      other.create(Map.of("other", i));
    }
    faults.reset();
    clock.shift(FeedTiming.LONGEST_UNLISTED.plusSeconds(1));

    List<Change> seen = drain(other, 0, 5);
    assertThat(died).isEqualTo(40);
    assertThat(seen).hasSize(200);
    assertSameVersions(seen, committed());
  }

  @Test
  void theFeedHoldsAtACvThatMayStillCommitAndListsItOnceItDoes() {
    Udm writerProcess = udm(FaultyPorts.wrap(ports, faults));
    ItemOps other = udm(ports).with(ctx);
    String first = other.create(Map.of("v", 1)).id();
    List<ChangePage> whileInFlight = new ArrayList<>();
    // The slow writer has its cv; a rival commits the next cv; a reader looks.
    faults.after("sequences.next", 1, () -> {
      other.create(Map.of("v", "rival"));
      whileInFlight.add(other.changes(ChangeQuery.builder().afterCv(1).build()));
    });

    String slow = writerProcess.with(ctx).create(Map.of("v", "slow")).id();

    assertThat(whileInFlight).hasSize(1);
    assertThat(whileInFlight.get(0).changes()).as("held before the in-flight cv").isEmpty();
    assertThat(whileInFlight.get(0).nextAfterCv()).isEqualTo(1);
    List<Change> seen = drain(other, 1, 10);
    assertThat(seen).extracting(Change::id).hasSize(2).first().isEqualTo(slow);
    assertThat(seen).extracting(Change::cv).containsExactly(2L, 3L);
    assertThat(other.changes(ChangeQuery.fromStart()).changes()).extracting(Change::id).first().isEqualTo(first);
  }

  /**
   * A writer's append reaches the store long after the feed gave up waiting for its cv (15 s on the
   * clock, and past the writer's own client timeouts in real time), while another writer keeps
   * writing: the follower still receives exactly what ends up in the log, once each, in cv order.
   * The append is held on its way (after every check the writer makes: a stalling port in memory, a
   * TCP relay on servers) and let through once the follower has moved on.
   */
  @Test
  void anAppendArrivingAfterTheFeedMovedOnIsListedOnceOrNotCommittedAtAll() throws Exception {
    HeldCalls held = stores.heldCalls(ports, storeClock);
    ItemOps slowWriter = udm(held.ports()).with(ctx);
    ItemOps other = udm(ports).with(ctx);
    ItemOps follower = udm(stores.otherClients(ports, storeClock)).with(ctx);
    String before = other.create(Map.of("v", "before")).id();
    held.holdNext(HeldCalls.StoreCall.APPEND);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    Future<String> slow = pool.submit(() -> slowWriter.create(Map.of("v", "slow")).id());
    held.awaitHeld();
    List<Change> seen = new ArrayList<>(drain(follower, 0, 10));
    long next = seen.get(seen.size() - 1).cv();
    for (int i = 0; i < 5; i++) {
      other.create(Map.of("v", "meanwhile " + i));
    }
    ChangePage holding = follower.changes(ChangeQuery.builder().afterCv(next).build());
    assertThat(holding.changes()).as("the feed holds at the slow writer's cv").isEmpty();

    clock.shift(FeedTiming.LONGEST_UNLISTED.plusSeconds(5));
    ChangePage movedOn = follower.changes(ChangeQuery.builder().afterCv(next).build());
    assertThat(movedOn.changes()).as("past the hold the feed moves on").hasSize(5);
    seen.addAll(movedOn.changes());
    Thread.sleep(held.pastClientTimeouts().toMillis());
    held.release();
    Optional<String> slowId = outcome(slow);
    pool.shutdown();
    other.create(Map.of("v", "after"));
    seen.addAll(drain(follower, movedOn.nextAfterCv(), 10));

    List<VersionRecord> log = committed();
    System.out.printf("[feed] %s: an append held past the feed's hold %s; the follower saw %d of %d versions%n",
        getClass().getSimpleName(), slowId.map(id -> "committed later as cv "
            + other.getLatest(id).orElseThrow().cv()).orElse("failed"), seen.size(), log.size());
    assertSameVersions(seen, log);
    assertThat(seen).extracting(Change::id).contains(before);
    slowId.ifPresent(id -> assertThat(seen).extracting(Change::id).containsOnlyOnce(id));
  }

  /** The id a held write ended with, or empty when it failed with a typed, retryable error. */
  private static Optional<String> outcome(Future<String> write) throws InterruptedException, TimeoutException {
    try {
      return Optional.of(write.get(1, TimeUnit.MINUTES));
    } catch (ExecutionException failed) {
      assertThat(failed.getCause()).as("a late write fails only with a typed, retryable error")
          .isInstanceOfAny(StorageException.class, io.udm.api.error.TxnException.class);
      return Optional.empty();
    }
  }

  @Test
  void aBurnedCvHoldsTheFeedOnlyUntilItCanNoLongerCommit() {
    ItemOps dying = udm(FaultyPorts.wrap(ports, faults)).with(ctx);
    ItemOps other = udm(ports).with(ctx);
    faults.on("sequences.next", 1, FaultInjector.Action.FAIL_AFTER);
    assertThatThrownBy(() -> dying.create(Map.of("v", "burned"))).isInstanceOf(StorageException.class);
    String after = other.create(Map.of("v", "after")).id();

    assertThat(other.changes(ChangeQuery.fromStart()).changes()).as("within the bound").isEmpty();
    clock.shift(FeedTiming.LONGEST_UNLISTED.plusSeconds(1));
    ChangePage page = other.changes(ChangeQuery.fromStart());
    assertThat(page.changes()).extracting(Change::id).containsExactly(after);
    assertThat(page.nextAfterCv()).isEqualTo(2);
  }

  @Test
  void changesCarryWhatWasDoneAndTheirDataWhenAskedFor() {
    ItemOps ops = udm(ports).with(ctx);
    String id = ops.create(Map.of("v", 1), WriteOptions.builder().actor("ada").build()).id();
    ops.enrich(id, Map.of("score", 2), io.udm.api.EnrichOptions.builder().functionId("scorer@v1").build());
    ops.delete(id);

    List<Change> changes = ops.changes(ChangeQuery.builder().includeData(true).build()).changes();

    assertThat(changes).extracting(Change::op).containsExactly(Op.CREATE, Op.ENRICH, Op.DELETE);
    assertThat(changes.get(0).actor()).contains("ada");
    assertThat(changes.get(1).functionId()).contains("scorer@v1");
    assertThat(changes.get(1).data().orElseThrow().path("score").asInt()).isEqualTo(2);
    assertThat(changes.get(2).data().orElseThrow().path("v").asInt()).isEqualTo(1);
    assertThat(ops.changes(ChangeQuery.fromStart()).changes()).allMatch(c -> c.data().isEmpty());
    assertThat(ops.changes(ChangeQuery.builder().afterCv(3).build())).isEqualTo(new ChangePage(List.of(), 3));
  }

  @Test
  void everyPairOfVersionsOfAFiftyVersionItemDiffsAndAppliesBackExactly() {
    Random random = new Random(Seeds.seed("ChangeFeedSuite diffs"));
    ItemOps ops = udm(ports).with(ctx);
    String id = ops.create(randomDocument(random)).id();
    for (int v = 2; v <= 50; v++) {
      ops.update(id, randomDocument(random));
    }
    List<JsonNode> data = new ArrayList<>();
    data.add(JsonValues.NODES.objectNode());
    for (int ov = 1; ov <= 50; ov++) {
      data.add(ops.getVersion(id, ov).orElseThrow().data());
    }
    int pairs = 0;
    for (int from = 0; from <= 50; from++) {
      for (int to = 0; to <= 50; to++) {
        if (from != to) {
          ArrayNode patch = ops.diff(id, from, to).patch();
          assertThat(JsonDiffs.apply(patch, data.get(from))).as("%d -> %d", from, to).isEqualTo(data.get(to));
          pairs++;
        }
      }
    }
    assertThat(pairs).isEqualTo(51 * 50);
    assertThat(ops.diff(id, 7, 7).patch()).isEmpty();
    assertThatThrownBy(() -> ops.diff(id, 1, 51)).isInstanceOf(NotFoundException.class).hasMessageContaining("51");
    assertThatThrownBy(() -> ops.diff("nobody", 0, 0)).isInstanceOf(NotFoundException.class);
  }

  private static ObjectNode randomDocument(Random random) {
    ObjectNode doc = JsonValues.NODES.objectNode();
    doc.put("name", "n" + random.nextInt(5));
    if (random.nextBoolean()) {
      doc.putNull("maybe");
    }
    ArrayNode tags = doc.putArray("tags");
    for (int i = random.nextInt(6); i > 0; i--) {
      tags.add(random.nextBoolean() ? "t" + random.nextInt(4) : "ünï" + random.nextInt(2));
    }
    if (random.nextInt(3) > 0) {
      doc.putObject("nested").put("x", random.nextInt(3)).putArray("ys").add(random.nextInt(2));
    }
    return doc;
  }
}
