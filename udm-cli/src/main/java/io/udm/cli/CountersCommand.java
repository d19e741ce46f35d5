package io.udm.cli;

import io.udm.api.CounterQuery;
import io.udm.api.Totals;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "counters", mixinStandardHelpOptions = true,
    description = {"Operation totals (creates, updates, deletes, enrichments, restores), live items and"
        + " counter-rule gauges, summed over a tenant, a database or one collection.",
        "",
        "Examples:",
        "  udm counters -c acme",
        "  udm counters -c acme/crm/users",
        "  udm counters -c acme/crm/users --reset --confirm"})
final class CountersCommand extends UdmCommand {
  @Option(names = {"-c", "--collection"}, required = true, paramLabel = "TENANT[/DB[/COLLECTION]]",
      converter = Converters.Scope.class, description = "What to count: a tenant, tenant/db or tenant/db/collection.")
  CounterQuery scope;

  @Option(names = "--reset", description = "Set the totals to zero (needs --confirm).")
  boolean reset;

  @Option(names = "--confirm", description = "Confirm --reset.")
  boolean confirm;

  @Override
  void check() {
    if (reset && !confirm) {
      throw usage("--reset sets the totals to zero for good: add --confirm");
    }
    if (confirm && !reset) {
      throw usage("--confirm only goes with --reset");
    }
  }

  @Override
  int run(CliSession session) {
    if (reset) {
      session.udm().counters().resetTotals(scope);
      if (json) {
        var node = Render.object();
        node.put("reset", true);
        printJson(node);
      } else {
        out().println("counters of " + describe() + " reset");
      }
      return UdmCli.OK;
    }
    Totals t = session.udm().counters().getTotals(scope);
    if (json) {
      printJson(Render.totals(t));
    } else {
      out().println("counters of " + describe());
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("creates", t.creates());
      fields.put("updates", t.updates());
      fields.put("deletes", t.deletes());
      fields.put("enrichments", t.enrichments());
      fields.put("restores", t.restores());
      fields.put("live", t.live());
      new TreeMap<>(t.rules()).forEach((rule, value) -> fields.put("rule " + rule, value));
      Render.fields(out(), fields);
    }
    return UdmCli.OK;
  }

  private String describe() {
    return scope.tenantId() + scope.dbName().map(d -> "/" + d).orElse("")
        + scope.collection().map(c -> "/" + c).orElse("");
  }
}
