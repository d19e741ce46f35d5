package io.udm.bench.perf;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import io.udm.embedded.EmbeddedServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * {@code bench/run.sh groupcommit}: how much group commit could win before it is built. A commit's
 * two writes that group commit would batch (a version insert into a log with a unique {item, ov}
 * index, then the head's compare-and-set) are sent by each writer on its own, or handed to one
 * committer that sends every waiting writer's inserts as one unordered {@code insertMany} and their
 * head moves as one unordered bulk write. Both run at 1, 8 and 32 writers against the same server,
 * interleaved over rounds; the ratio is the most group commit could give the write path, as it
 * leaves out everything else a write does. Writes bench/group-commit-results.md.
 */
public final class GroupCommitProbe {
  private static final int[] WRITERS = {1, 8, 32};
  private static final String PAYLOAD = "x".repeat(700);

  private final MongoCollection<Document> versions;
  private final MongoCollection<Document> heads;

  private GroupCommitProbe(MongoClient client, String database) {
    this.versions = client.getDatabase(database).getCollection("versions");
    this.heads = client.getDatabase(database).getCollection("heads");
    versions.createIndex(Indexes.ascending("item", "ov"), new IndexOptions().unique(true));
  }

  public static void main(String[] args) throws Exception {
    int writesPerRun = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path out = Path.of(args.length > 2 ? args[2] : "bench");
    String loadBefore = Measure.loadAverage();
    String started = Instant.now().toString();
    List<String> rows = new ArrayList<>();
    try (EmbeddedServers servers = EmbeddedServers.transientPairs(1);
        MongoClient client = MongoClients.create(servers.mongoUri(0))) {
      GroupCommitProbe probe = new GroupCommitProbe(client, "group_commit_probe");
      probe.warmUp();
      for (int round = 1; round <= rounds; round++) {
        for (int writers : WRITERS) {
          double alone = probe.run(writers, writesPerRun, false, "r" + round + "a" + writers);
          double grouped = probe.run(writers, writesPerRun, true, "r" + round + "g" + writers);
          String row = String.format(Locale.ROOT, "| %d | %d | %,.0f | %,.0f | %.2fx |", round, writers, alone, grouped,
              grouped / alone);
          System.out.println(row);
          rows.add(row);
        }
      }
    }
    write(out, writesPerRun, loadBefore, started, rows);
  }

  private void warmUp() throws Exception {
    for (int writers : WRITERS) {
      run(writers, 1000, false, "warm-a" + writers);
      run(writers, 1000, true, "warm-g" + writers);
    }
  }

  /** Writes/s of {@code writers} threads, each creating then moving the head of its own items. */
  private double run(int writers, int writes, boolean grouped, String tag) throws Exception {
    Committer committer = grouped ? new Committer() : null;
    try {
      Measure.Result result = Measure.run(grouped ? "grouped" : "alone", "commit", writers, writes, (t, i) -> {
        String head = tag + "-" + t + "-" + (i % 4);
        long ov = i / 4 + 1;
        Document version = new Document("_id", head + "/" + ov).append("item", head).append("ov", ov)
            .append("payload", PAYLOAD);
        Document next = new Document("_id", head).append("ov", ov).append("payload", PAYLOAD);
        if (committer == null) {
          versions.insertOne(version);
          if (ov == 1) {
            heads.insertOne(next);
          } else {
            heads.replaceOne(Filters.and(Filters.eq("_id", head), Filters.eq("ov", ov - 1)), next);
          }
        } else {
          committer.commit(version, next, ov).get(30, TimeUnit.SECONDS);
        }
      });
      return result.opsPerSecond();
    } finally {
      if (committer != null) {
        committer.close();
      }
    }
  }

  /** One thread that sends the waiting writers' commits together: the inserts, then the head moves. */
  private final class Committer implements AutoCloseable {
    private record Pending(Document version, Document head, long ov, CompletableFuture<Void> done) {}

    private final BlockingQueue<Pending> waiting = new ArrayBlockingQueue<>(1024);
    private final Thread thread = new Thread(this::loop, "group-committer");
    private volatile boolean open = true;

    Committer() {
      thread.start();
    }

    CompletableFuture<Void> commit(Document version, Document head, long ov) throws InterruptedException {
      Pending pending = new Pending(version, head, ov, new CompletableFuture<>());
      waiting.put(pending);
      return pending.done();
    }

    private void loop() {
      List<Pending> batch = new ArrayList<>();
      while (open || !waiting.isEmpty()) {
        try {
          Pending first = waiting.poll(10, TimeUnit.MILLISECONDS);
          if (first == null) {
            continue;
          }
          batch.add(first);
          waiting.drainTo(batch);
          send(batch);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } finally {
          batch.clear();
        }
      }
    }

    private void send(List<Pending> batch) {
      try {
        versions.insertMany(batch.stream().map(Pending::version).toList(), new InsertManyOptions().ordered(false));
        List<WriteModel<Document>> moves = new ArrayList<>();
        for (Pending p : batch) {
          moves.add(p.ov() == 1 ? new InsertOneModel<>(p.head())
              : new ReplaceOneModel<>(
                  Filters.and(Filters.eq("_id", p.head().getString("_id")), Filters.eq("ov", p.ov() - 1)), p.head()));
        }
        heads.bulkWrite(moves, new BulkWriteOptions().ordered(false));
        batch.forEach(p -> p.done().complete(null));
      } catch (RuntimeException e) {
        batch.forEach(p -> p.done().completeExceptionally(e));
      }
    }

    @Override
    public void close() throws InterruptedException {
      open = false;
      thread.join();
    }
  }

  private static void write(Path out, int writesPerRun, String loadBefore, String started, List<String> rows)
      throws IOException {
    StringBuilder md = new StringBuilder("# Group commit: the most it could win\n\n");
    md.append("Generated by `bench/run.sh groupcommit` (`io.udm.bench.perf.GroupCommitProbe`); see bench/README.md.\n\n");
    md.append("- started: ").append(started).append('\n');
    md.append("- load before: ").append(loadBefore).append('\n');
    md.append("- load after: ").append(Measure.loadAverage()).append('\n');
    md.append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
        .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
        .append(", mongo-java-server in the same JVM\n");
    md.append("- each run: ").append(writesPerRun).append(" commits (a version insert and a head move each)\n\n");
    md.append("| round | writers | each writer alone (commits/s) | one committer for all (commits/s) | ratio |\n");
    md.append("| --- | --- | --- | --- | --- |\n");
    rows.forEach(row -> md.append(row).append('\n'));
    Files.createDirectories(out);
    Files.writeString(out.resolve("group-commit-results.md"), md.toString());
  }
}
