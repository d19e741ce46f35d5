package io.udm.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.BackendHealth;
import io.udm.api.BackendInfo;
import io.udm.api.ComponentHealth;
import io.udm.api.HealthReport;
import io.udm.api.HealthStatus;
import io.udm.api.Udm;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "health", mixinStandardHelpOptions = true,
    description = {"Status and latency of every backend pair (MongoDB + S3) and of the counters store,"
        + " with endpoints (credentials redacted), the collections placed on each pair and whether it is"
        + " draining. Exits 1 unless everything is UP."})
final class HealthCommand extends UdmCommand {
  @Override
  int run(CliSession session) {
    Udm udm = session.udm();
    HealthReport report = udm.admin().health();
    Map<Integer, BackendInfo> infos = new HashMap<>();
    for (BackendInfo info : udm.admin().listBackends()) {
      infos.put(info.index(), info);
    }
    if (json) {
      ObjectNode node = Render.object();
      node.put("status", report.status().name());
      node.put("mode", session.mode());
      node.put(session.mode().equals("local") ? "dataDir" : "configFile", session.source().toString());
      ArrayNode backends = node.putArray("backends");
      for (BackendHealth b : report.backends()) {
        BackendInfo info = infos.get(b.index());
        ObjectNode backend = backends.addObject();
        backend.put("index", b.index());
        backend.put("backendId", b.backendId());
        backend.put("status", b.status().name());
        if (info != null) {
          backend.put("collections", info.collections());
          backend.put("draining", info.draining());
        }
        ObjectNode mongo = Render.component(b.mongo());
        ObjectNode s3 = Render.component(b.s3());
        if (info != null) {
          mongo.put("endpoint", info.mongoEndpoint());
          s3.put("endpoint", info.s3Endpoint());
        }
        backend.set("mongo", mongo);
        backend.set("s3", s3);
      }
      node.set("counters", Render.component(report.counters()));
      // The optimizer's figures are reported by the fallback API (API.md), present when fallback.enabled.
      udm.fallback().ifPresent(f -> node.set("optimizer", Render.optimizer(f.getOptimizerStats())));
      printJson(node);
    } else {
      PrintWriter out = out();
      out.println("UDM " + report.status() + " (" + session.describe() + ")");
      Render.Table table = new Render.Table("BACKEND", "ID", "MONGO", "S3", "COLLECTIONS", "MONGO ENDPOINT",
          "S3 ENDPOINT");
      for (BackendHealth b : report.backends()) {
        BackendInfo info = infos.get(b.index());
        table.row(b.index(), b.backendId(), cell(b.mongo()), cell(b.s3()),
            info == null ? "-" : info.collections() + (info.draining() ? " (draining)" : ""),
            info == null ? "-" : info.mongoEndpoint(), info == null ? "-" : info.s3Endpoint());
      }
      table.print(out, "");
      out.println("counters store: " + cell(report.counters()));
      for (BackendHealth b : report.backends()) {
        problem(out, "backend " + b.index() + " mongo", b.mongo());
        problem(out, "backend " + b.index() + " s3", b.s3());
      }
      problem(out, "counters store", report.counters());
    }
    return report.status() == HealthStatus.UP ? UdmCli.OK : UdmCli.FAILURE;
  }

  private static String cell(ComponentHealth c) {
    return c.status() + " " + Render.human(c.latency());
  }

  private static void problem(PrintWriter out, String what, ComponentHealth c) {
    c.error().ifPresent(e -> out.println(what + ": " + e));
  }
}
