package io.udm.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.CollectionMove;
import io.udm.api.Progress;
import io.udm.api.RebalanceListener;
import io.udm.api.RebalanceOptions;
import io.udm.api.RebalancePlan;
import io.udm.api.RebalanceResult;
import java.io.PrintWriter;
import java.util.OptionalLong;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rebalance", mixinStandardHelpOptions = true,
    description = {"Move collections to the backend pair routing gives them now (after pairs were added, or"
        + " listed in routing.drain), online: reads and writes go on during a move. --plan lists the moves;"
        + " --confirm performs them (and removes moved collections' former copies once"
        + " rebalance.cleanupGraceSeconds have passed). A crashed run resumes when run again."})
final class RebalanceCommand extends UdmCommand {
  static final class Mode {
    @Option(names = "--plan", required = true, description = "List the moves without making them.")
    boolean plan;

    @Option(names = "--confirm", required = true, description = "Make the moves.")
    boolean confirm;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Mode mode;

  @Option(names = "--tenant", paramLabel = "TENANT", description = "Only this tenant's collections.")
  String tenant;

  @Option(names = "--max", paramLabel = "N", description = "Move at most N collections in this run.")
  Integer max;

  @Override
  int run(CliSession session) {
    if (mode.plan) {
      RebalancePlan plan = session.udm().maintenance().planRebalance();
      printPlan(plan);
      return UdmCli.OK;
    }
    RebalanceResult r;
    try (ProgressDisplay display = progressDisplay()) {
      var options = RebalanceOptions.builder().confirm(true).listener(new Shown(display));
      if (tenant != null) {
        options.tenantId(tenant);
      }
      if (max != null) {
        options.maxCollections(max);
      }
      r = session.udm().maintenance().rebalance(options.build());
    }
    if (json) {
      ObjectNode node = Render.object();
      node.put("collectionsMoved", r.collectionsMoved());
      node.put("versionsCopied", r.versionsCopied());
      node.put("objectsCopied", r.objectsCopied());
      node.put("collectionsFailed", r.collectionsFailed());
      printJson(node);
    } else {
      out().println("moved " + r.collectionsMoved() + " collections (" + r.versionsCopied() + " versions, "
          + r.objectsCopied() + " objects copied)" + (r.collectionsFailed() > 0
          ? "; " + r.collectionsFailed() + " failed and stay where they were (run again to resume)" : ""));
    }
    return r.collectionsFailed() == 0 ? UdmCli.OK : UdmCli.FAILURE;
  }

  private void printPlan(RebalancePlan plan) {
    if (json) {
      ArrayNode moves = Render.array();
      for (CollectionMove m : plan.moves()) {
        ObjectNode move = moves.addObject();
        move.put("tenant", m.collection().tenantId());
        move.put("db", m.collection().dbName());
        move.put("collection", m.collection().collection());
        move.put("from", m.fromBackendId());
        move.put("to", m.toBackendId());
      }
      printJson(moves);
      return;
    }
    PrintWriter out = out();
    if (plan.moves().isEmpty()) {
      out.println("nothing to move: every collection is on the pair routing gives it");
      return;
    }
    Render.Table table = new Render.Table("TENANT", "DB", "COLLECTION", "FROM", "TO");
    plan.moves().forEach(m -> table.row(m.collection().tenantId(), m.collection().dbName(),
        m.collection().collection(), m.fromBackendId(), m.toBackendId()));
    table.print(out, "");
    out.println(plan.moves().size() + " collections to move; run `udm rebalance --confirm` to move them");
  }

  /**
   * The run on stderr (stdout stays the result): a bar of collections moved whose message is the
   * current step, or on a pipe one line per step.
   */
  private static final class Shown implements RebalanceListener {
    private final ProgressDisplay display;
    private int total;
    private int ended;

    Shown(ProgressDisplay display) {
      this.display = display;
    }

    @Override
    public void started(int moves) {
      total = moves;
      display.note("rebalance: " + moves + " collections to move");
      collections();
    }

    @Override
    public void moveStarted(CollectionMove move, int index) {
      display.note("[" + index + "/" + total + "] " + move.collection() + ": " + move.fromBackendId() + " -> "
          + move.toBackendId());
    }

    @Override
    public void copied(CollectionMove move, long versionsCopied, long objectsCopied) {
      display.note("  copied " + versionsCopied + " versions, " + objectsCopied + " objects");
    }

    @Override
    public void step(CollectionMove move, String step) {
      display.note("  " + step);
    }

    @Override
    public void moveFinished(CollectionMove move) {
      ended++;
      collections();
    }

    @Override
    public void moveFailed(CollectionMove move, RuntimeException error) {
      display.note("  failed: " + error.getMessage());
      ended++;
      collections();
    }

    private void collections() {
      display.onProgress(new Progress("rebalance", "collections", ended, OptionalLong.of(total)));
    }
  }
}
