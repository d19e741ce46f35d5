package io.udm.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.Change;
import io.udm.api.ChangePage;
import io.udm.api.ChangeQuery;
import io.udm.api.ItemOps;
import io.udm.api.Progress;
import java.time.Duration;
import java.util.OptionalLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "changes", mixinStandardHelpOptions = true,
    description = {"A collection's committed versions in cv order after --after-cv: one line each (one JSON object",
        "per line with --json). With --follow it keeps printing new changes until interrupted."})
final class ChangesCommand extends UdmCommand {
  @Mixin
  CollectionOption collection;

  @Option(names = "--after-cv", paramLabel = "CV", description = "The last cv already seen (default 0: from the start).")
  long afterCv;

  @Option(names = "--limit", paramLabel = "N", description = "Changes per page, 1 to 1000 (default 100).")
  int limit = ChangeQuery.DEFAULT_LIMIT;

  @Option(names = "--data", description = "Include each version's data.")
  boolean data;

  @Option(names = "--follow", description = "Keep following new changes until interrupted (Ctrl-C).")
  boolean follow;

  @Option(names = "--poll-ms", paramLabel = "MS", description = "With --follow: how long to wait when caught up (default 1000).")
  long pollMs = 1000;

  @Override
  void check() {
    if (pollMs < 10) {
      throw usage("--poll-ms must be at least 10");
    }
    ChangeQuery.builder().afterCv(afterCv).limit(limit).build(); // refuses a bad --after-cv or --limit now
  }

  @Override
  int run(CliSession session) throws InterruptedException {
    ItemOps ops = session.items(collection.get());
    long next = afterCv;
    // Progress of the catch-up only: once caught up, following just prints what comes.
    ProgressDisplay catchUp = progressDisplay();
    long caughtUp = 0;
    boolean catchingUp = true;
    try {
      while (true) {
        ChangePage page = ops.changes(ChangeQuery.builder().afterCv(next).limit(limit).includeData(data).build());
        page.changes().forEach(this::print);
        out().flush();
        next = page.nextAfterCv();
        if (page.changes().isEmpty()) {
          catchUp.close();
          catchingUp = false;
          if (!follow) {
            return UdmCli.OK;
          }
          Thread.sleep(Duration.ofMillis(pollMs).toMillis());
        } else if (catchingUp) {
          caughtUp += page.changes().size();
          catchUp.onProgress(new Progress("changes", "changes", caughtUp, OptionalLong.empty()));
        }
      }
    } finally {
      catchUp.close();
    }
  }

  private void print(Change change) {
    if (json) {
      ObjectNode node = Render.object();
      node.put("id", change.id()).put("ov", change.ov()).put("cv", change.cv()).put("at", change.at().toString())
          .put("op", change.op().name());
      Render.putOptional(node, "actor", change.actor());
      Render.putOptional(node, "functionId", change.functionId());
      change.data().ifPresent(d -> node.set("data", d));
      out().println(Render.compact(node));
    } else {
      out().println("cv " + change.cv() + "  " + change.at() + "  " + change.op() + "  " + change.id() + " ov "
          + change.ov() + change.actor().map(a -> "  by " + a).orElse("")
          + change.functionId().map(f -> "  (" + f + ")").orElse("")
          + change.data().map(d -> "  " + Render.compact(d)).orElse(""));
    }
  }
}
