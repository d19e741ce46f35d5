package io.udm.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.CounterQuery;
import io.udm.api.DeadLetterOp;
import io.udm.api.FallbackApi;
import io.udm.api.FallbackFilter;
import io.udm.api.OptimizerStats;
import io.udm.api.PendingOp;
import io.udm.api.Progress;
import io.udm.api.QueueStats;
import io.udm.api.error.NotFoundException;
import io.udm.api.error.UdmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "queue", mixinStandardHelpOptions = true,
    description = {"The fallback queue of writes that failed transiently and wait for a retry: its figures by"
        + " default, or the pending or dead-lettered operations, or retry / cancel one.",
        "Needs fallback.enabled: true in the config.",
        "",
        "Examples:",
        "  udm queue",
        "  udm queue --pending --limit 50 -c acme/crm",
        "  udm queue --retry DEAD_LETTER_ID",
        "  udm queue --work              (a retry worker in the foreground, until Ctrl-C)"})
final class QueueCommand extends UdmCommand {
  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Action action;

  static final class Action {
    @Option(names = "--pending", description = "List pending operations.")
    boolean pending;

    @Option(names = "--dead", description = "List dead-lettered operations (out of attempts).")
    boolean dead;

    @Option(names = "--retry", paramLabel = "DEAD_LETTER_ID", description = "Move a dead-lettered operation back to the queue.")
    String retry;

    @Option(names = "--cancel", paramLabel = "REQUEST_ID", description = "Remove a pending operation.")
    String cancel;

    @Option(names = "--work", description = "Run a retry worker in the foreground until interrupted (or --for),"
        + " printing the queue's figures as it goes; other processes' workers may run beside it.")
    boolean work;
  }

  @Option(names = "--for", paramLabel = "SECONDS", defaultValue = "0",
      description = "With --work: stop after SECONDS (0, the default: run until interrupted).")
  long workSeconds;

  @Option(names = {"-c", "--collection"}, paramLabel = "TENANT[/DB[/COLLECTION]]", converter = Converters.Scope.class,
      description = "With --pending or --dead: only operations on this tenant, database or collection.")
  CounterQuery scope;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
      description = "With --pending or --dead: at most N operations (default ${DEFAULT-VALUE}).")
  int limit;

  @Override
  void check() {
    boolean listing = action != null && (action.pending || action.dead);
    if (scope != null && !listing) {
      throw usage("-c narrows --pending or --dead listings only");
    }
    if (limit < 1) {
      throw usage("--limit must be 1 or more, got " + limit);
    }
    if (workSeconds != 0 && (action == null || !action.work)) {
      throw usage("--for bounds a --work run only");
    }
    if (workSeconds < 0) {
      throw usage("--for must be 0 (until interrupted) or more seconds, got " + workSeconds);
    }
  }

  @Override
  int run(CliSession session) {
    Optional<FallbackApi> fallback = session.udm().fallback();
    if (fallback.isEmpty()) {
      if (action == null) {
        if (json) {
          ObjectNode node = Render.object();
          node.put("enabled", false);
          printJson(node);
        } else {
          out().println("fallback queue: disabled (set fallback.enabled: true in the config to enable it)");
        }
        return UdmCli.OK;
      }
      throw new UdmException("the fallback queue is disabled; set fallback.enabled: true in the config to use it");
    }
    FallbackApi queue = fallback.get();
    if (action == null) {
      stats(queue);
    } else if (action.pending) {
      pending(queue.getPendingOps(filter(), limit));
    } else if (action.dead) {
      dead(queue.getDeadLetterOps(filter(), limit));
    } else if (action.work) {
      work(queue);
    } else if (action.retry != null) {
      if (!queue.retryDeadLetter(action.retry)) {
        throw new NotFoundException("no dead-lettered operation " + action.retry + "; list them with udm queue --dead");
      }
      done("retry", action.retry, "dead letter " + action.retry + " moved back to the queue");
    } else {
      if (!queue.cancelOp(action.cancel)) {
        throw new NotFoundException("no pending operation with request id " + action.cancel
            + "; list them with udm queue --pending");
      }
      done("cancel", action.cancel, "pending operation " + action.cancel + " cancelled");
    }
    return UdmCli.OK;
  }

  /**
   * Runs the worker (idempotent if fallback.workerEnabled started one already) and reports every
   * few seconds; the session's close stops it after its current attempt, the queue stays durable.
   */
  private void work(FallbackApi queue) {
    queue.startWorker();
    // Ctrl-C: let the attempt in progress finish and settle instead of cutting it (its lease would
    // expire and another worker would retry it, applied once anyway thanks to its request id).
    Thread stopOnInterrupt = new Thread(() -> {
      try {
        queue.stopWorker();
      } catch (RuntimeException alreadyClosed) {
        // The session closed first, which stopped the worker.
      }
    }, "udm-queue-work-stop");
    Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
    progress("retry worker running" + (workSeconds == 0 ? "; press Ctrl-C to stop" : " for " + workSeconds + " s"));
    long leftMs = workSeconds == 0 ? Long.MAX_VALUE : workSeconds * 1000;
    // Settled = no longer pending (applied, or dead-lettered), out of what was pending at the start
    // plus what arrived since.
    try (ProgressDisplay display = progressDisplay()) {
      QueueStats first = queue.getQueueStats();
      long total = first.queueSize();
      long previous = first.queueSize();
      long settled = 0;
      int tick = 0;
      while (leftMs > 0) {
        long sleep = Math.min(1000, leftMs);
        Thread.sleep(sleep);
        leftMs -= sleep;
        QueueStats s = queue.getQueueStats();
        if (s.queueSize() < previous) {
          settled += previous - s.queueSize();
        } else {
          total += s.queueSize() - previous;
        }
        previous = s.queueSize();
        display.onProgress(new Progress("queue", "ops", settled, OptionalLong.of(Math.max(total, settled))));
        if (++tick % 5 == 0) {
          display.note("pending " + s.queueSize() + ", in flight " + s.inflight() + ", dead letters "
              + s.deadLetterSize());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    queue.stopWorker();
    Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
    stats(queue);
  }

  private FallbackFilter filter() {
    if (scope == null) {
      return FallbackFilter.all();
    }
    return new FallbackFilter(Optional.of(scope.tenantId()), scope.dbName(), scope.collection(), Optional.empty());
  }

  private void stats(FallbackApi queue) {
    QueueStats s = queue.getQueueStats();
    OptimizerStats o = queue.getOptimizerStats();
    if (json) {
      ObjectNode node = Render.object();
      node.put("enabled", true);
      node.put("queueSize", s.queueSize());
      node.put("inflight", s.inflight());
      node.put("deadLetterSize", s.deadLetterSize());
      node.put("oldestPendingAgeMs", s.oldestPendingAge().toMillis());
      node.set("optimizer", Render.optimizer(o));
      printJson(node);
    } else {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("pending", s.queueSize());
      fields.put("in flight", s.inflight());
      fields.put("dead letters", s.deadLetterSize());
      fields.put("oldest pending", s.queueSize() == 0 ? "-" : Render.human(s.oldestPendingAge()));
      fields.put("uploads batched", o.uploadsBatched() + " in " + o.batchesSent() + " batches");
      fields.put("counter deltas merged", o.counterDeltasMerged() + " in " + o.counterFlushes() + " flushes");
      fields.put("shadows skipped", o.shadowsSkipped());
      fields.put("payload cache", o.cacheHits() + " hits, " + o.cacheMisses() + " misses");
      Render.fields(out(), fields);
    }
  }

  private void pending(List<PendingOp> ops) {
    if (json) {
      ObjectNode node = Render.object();
      ArrayNode items = node.putArray("pending");
      for (PendingOp op : ops) {
        ObjectNode n = items.addObject();
        n.put("requestId", op.requestId());
        n.put("collection", op.context().toString());
        n.put("op", op.op().name());
        Render.putOptional(n, "itemId", op.itemId());
        n.put("attempts", op.attempts());
        n.put("enqueuedAt", op.enqueuedAt().toString());
        n.put("nextAttemptAt", op.nextAttemptAt().toString());
        Render.putOptional(n, "lastError", op.lastError());
      }
      printJson(node);
      return;
    }
    Render.Table table = new Render.Table("REQUEST", "COLLECTION", "OP", "ITEM", "ATTEMPTS", "NEXT ATTEMPT", "LAST ERROR");
    for (PendingOp op : ops) {
      table.row(op.requestId(), op.context(), op.op(), op.itemId().orElse("-"), op.attempts(), op.nextAttemptAt(),
          op.lastError().map(e -> Render.truncate(e, 80)).orElse("-"));
    }
    print(table, "pending");
  }

  private void dead(List<DeadLetterOp> ops) {
    if (json) {
      ObjectNode node = Render.object();
      ArrayNode items = node.putArray("dead");
      for (DeadLetterOp op : ops) {
        ObjectNode n = items.addObject();
        n.put("deadLetterId", op.deadLetterId());
        n.put("requestId", op.requestId());
        n.put("collection", op.context().toString());
        n.put("op", op.op().name());
        Render.putOptional(n, "itemId", op.itemId());
        n.put("attempts", op.attempts());
        n.put("failedAt", op.failedAt().toString());
        n.put("lastError", op.lastError());
      }
      printJson(node);
      return;
    }
    Render.Table table = new Render.Table("DEAD LETTER", "REQUEST", "COLLECTION", "OP", "ITEM", "ATTEMPTS", "FAILED AT", "LAST ERROR");
    for (DeadLetterOp op : ops) {
      table.row(op.deadLetterId(), op.requestId(), op.context(), op.op(), op.itemId().orElse("-"), op.attempts(),
          op.failedAt(), Render.truncate(op.lastError(), 80));
    }
    print(table, "dead-lettered");
  }

  private void print(Render.Table table, String what) {
    if (table.size() == 0) {
      out().println("no " + what + " operations");
    } else {
      table.print(out(), "");
      if (table.size() == limit) {
        out().println("(first " + limit + "; raise --limit to see more)");
      }
    }
  }

  private void done(String action, String id, String message) {
    if (json) {
      ObjectNode node = Render.object();
      node.put(action, id);
      node.put("ok", true);
      printJson(node);
    } else {
      out().println(message);
    }
  }
}
