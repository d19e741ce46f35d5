package io.udm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.udm.embedded.EmbeddedServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code udm --config FILE}: configured servers, and every problem of a bad file at once. */
class CliConfigTest {
  @TempDir
  Path dir;

  @Test
  void badConfigReportsEveryProblemWithoutSecrets() throws Exception {
    Path config = dir.resolve("udm.yaml");
    Files.writeString(config, String.join("\n",
        "mongoUris: [\"mongodb://admin:Sup3rSecret@db.example:27017\"]",
        "spacesConns:",
        "  - endpoint: http://s3.example:9000",
        "    region: us-east-1",
        "    accessKey: AKIA-VISIBLE-NOT",
        "    secretKey: TopSecretKey123",
        "    backupsBucket: b",
        "    jsonBucket: j",
        "    contentBucket: c",
        "    forcePathStyle: true",
        "hardDeleteEnabledd: true",
        "retention: {ver: {days: -3}}",
        ""));

    Cli.Result r = Cli.run("--config", config.toString(), "health");

    assertThat(r.code()).as(r.toString()).isEqualTo(UdmCli.INVALID);
    assertThat(r.err()).contains("problems:").contains("hardDeleteEnabledd").contains("days");
    assertThat(r.err().lines().filter(l -> l.startsWith("  - ")).count()).isGreaterThanOrEqualTo(2);
    assertThat(r.err()).doesNotContain("Sup3rSecret").doesNotContain("TopSecretKey123").doesNotContain("\tat ");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void missingConfigFileAndMissingBackendsAreReported() throws Exception {
    Cli.Result missing = Cli.run("--config", dir.resolve("nope.yaml").toString(), "health");
    assertThat(missing.code()).as(missing.toString()).isEqualTo(UdmCli.INVALID);
    assertThat(missing.err()).contains("does not exist");

    Path empty = dir.resolve("maps-only.json");
    Files.writeString(empty, "{\"collectionMaps\": {\"users\": {\"indexedProps\": [\"email\"]}}}");
    Cli.Result noBackends = Cli.run("--config", empty.toString(), "health");
    assertThat(noBackends.code()).as(noBackends.toString()).isEqualTo(UdmCli.INVALID);
    assertThat(noBackends.err()).contains("names no backends").contains("local mode");

    Cli.Result both = Cli.run("--config", empty.toString(), "--data-dir", dir.toString(), "health");
    assertThat(both.code()).isEqualTo(UdmCli.INVALID);
    assertThat(both.err()).contains("--config and --data-dir");
  }

  @Test
  void configuredServersServeTheCommands() throws Exception {
    try (EmbeddedServers servers = EmbeddedServers.transientPairs(2)) {
      Path file = dir.resolve("udm.json");
      Files.writeString(file, "{\"mongoUris\": [\"" + servers.mongoUri(0) + "\", \"" + servers.mongoUri(1) + "\"],"
          + " \"spacesConns\": [" + conn(servers, 0) + ", " + conn(servers, 1) + "]}");

      // As in production, udm --config expects the buckets to exist...
      Cli.Result noBuckets = Cli.run("--config", file.toString(), "health");
      assertThat(noBuckets.code()).as(noBuckets.toString()).isEqualTo(UdmCli.FAILURE);
      assertThat(noBuckets.err()).contains("cli-cfg-json").doesNotContain("udm-local-secret").doesNotContain("\tat ");
      // ...unless told to create them.
      Cli.Result created = Cli.run("--config", file.toString(), "--create-buckets", "health");
      assertThat(created.code()).as(created.toString()).isZero();

      Cli.Result put = Cli.run("--config", file.toString(), "put", "-c", "acme/crm/users", "{\"a\":1}", "--json");
      assertThat(put.code()).as(put.toString()).isZero();
      String id = put.json().path("id").asText();

      Cli.Result get = Cli.run("get", "-c", "acme/crm/users", id, "--config", file.toString(), "--json");
      assertThat(get.code()).as(get.toString()).isZero();
      assertThat(get.json().path("data").path("a").asInt()).isEqualTo(1);

      Cli.Result health = Cli.run("--config", file.toString(), "health");
      assertThat(health.code()).as(health.toString()).isZero();
      assertThat(health.out()).contains("config " + file.toAbsolutePath())
          .contains(servers.mongoUri(0)).contains(servers.mongoUri(1))
          .doesNotContain("udm-local-secret");
      assertThat(health.out().lines().filter(l -> l.matches("[01] .*UP.*UP.*"))).hasSize(2);
    }
    assertThat(Files.exists(dir.resolve("udm-data"))).isFalse();
  }

  @Test
  void rebalanceAfterAddingAPairPlansMovesAndHealthShowsWhereCollectionsLive() throws Exception {
    try (EmbeddedServers servers = EmbeddedServers.transientPairs(3)) {
      Path two = dir.resolve("two.json");
      Files.writeString(two, "{\"mongoUris\": [\"" + servers.mongoUri(0) + "\", \"" + servers.mongoUri(1) + "\"],"
          + " \"spacesConns\": [" + conn(servers, 0) + ", " + conn(servers, 1) + "]}");
      Path three = dir.resolve("three.json");
      Files.writeString(three, "{\"mongoUris\": [\"" + servers.mongoUri(0) + "\", \"" + servers.mongoUri(1) + "\", \""
          + servers.mongoUri(2) + "\"], \"spacesConns\": [" + conn(servers, 0) + ", " + conn(servers, 1) + ", "
          + conn(servers, 2) + "], \"rebalance\": {\"cleanupGraceSeconds\": 0}}");
      List<String> ids = io.udm.bootstrap.wiring.BackendIds.of(io.udm.api.config.UdmConfig.load(three));
      var owners = new io.udm.domain.routing.RendezvousRouter(ids, io.udm.api.config.RoutingConfig.builder().build());
      List<String> moving = new ArrayList<>();
      List<String> staying = new ArrayList<>();
      for (int c = 0; moving.size() < 2 || staying.size() < 2; c++) {
        String name = "c" + c;
        boolean toNewPair = owners.choose(io.udm.api.RouteContext.of("acme", "crm", name)) == 2;
        (toNewPair ? moving : staying).add(name);
      }
      List<String> collections = new ArrayList<>(moving.subList(0, 2));
      collections.addAll(staying.subList(0, 2));
      for (String name : collections) {
        Cli.Result put = Cli.run("--config", two.toString(), "--create-buckets", "put", "-c", "acme/crm/" + name,
            "{\"name\": \"" + name + "\"}");
        assertThat(put.code()).as(put.toString()).isZero();
      }

      Cli.Result plan = Cli.run("--config", three.toString(), "--create-buckets", "rebalance", "--plan", "--json");
      assertThat(plan.code()).as(plan.toString()).isZero();
      assertThat(plan.json()).hasSize(2);
      plan.json().forEach(m -> assertThat(moving).contains(m.path("collection").asText()));
      assertThat(plan.json().get(0).path("to").asText()).isEqualTo(ids.get(2));
      Cli.Result table = Cli.run("--config", three.toString(), "rebalance", "--plan");
      assertThat(table.out()).contains("FROM").contains(ids.get(2)).contains("2 collections to move");

      Cli.Result moved = Cli.run("--config", three.toString(), "rebalance", "--confirm");
      assertThat(moved.code()).as(moved.toString()).isZero();
      assertThat(moved.out()).contains("moved 2 collections");
      assertThat(moved.err()).contains("[1/2]").contains("[2/2]").contains("switch");

      Cli.Result health = Cli.run("--config", three.toString(), "health", "--json");
      assertThat(health.code()).as(health.toString()).isZero();
      long placed = 0;
      for (var backend : health.json().path("backends")) {
        placed += backend.path("collections").asLong();
        assertThat(backend.path("draining").asBoolean()).isFalse();
      }
      assertThat(placed).isEqualTo(4);
      assertThat(health.json().path("backends").get(2).path("collections").asLong()).isEqualTo(2);
      assertThat(Cli.run("--config", three.toString(), "rebalance", "--plan").out()).contains("nothing to move");
      for (String name : collections) {
        Cli.Result list = Cli.run("--config", three.toString(), "list", "-c", "acme/crm/" + name, "--json");
        assertThat(list.out()).as(list.toString()).contains(name);
      }
      Cli.Result refused = Cli.run("--config", three.toString(), "rebalance");
      assertThat(refused.code()).isEqualTo(UdmCli.INVALID);
    }
  }

  private static String conn(EmbeddedServers servers, int pair) {
    var c = servers.spacesConn(pair, "cli-cfg");
    return "{\"endpoint\": \"" + c.endpoint() + "\", \"region\": \"" + c.region() + "\", \"accessKey\": \""
        + c.accessKey() + "\", \"secretKey\": \"" + c.secretKey() + "\", \"backupsBucket\": \"" + c.backupsBucket()
        + "\", \"jsonBucket\": \"" + c.jsonBucket() + "\", \"contentBucket\": \"" + c.contentBucket()
        + "\", \"forcePathStyle\": true}";
  }

  @Test
  void queueShowsFiguresListsRefusesUnknownIdsAndRunsAWorker() throws Exception {
    try (EmbeddedServers servers = EmbeddedServers.transientPairs(1)) {
      Path file = dir.resolve("udm-queue.json");
      Files.writeString(file, "{\"mongoUris\": [\"" + servers.mongoUri(0) + "\"],"
          + " \"spacesConns\": [" + conn(servers, 0) + "],"
          + " \"fallback\": {\"enabled\": true, \"workerEnabled\": false}}");

      Cli.Result stats = Cli.run("--config", file.toString(), "--create-buckets", "queue", "--json");
      assertThat(stats.code()).as(stats.toString()).isZero();
      assertThat(stats.out()).contains("\"enabled\": true").contains("\"queueSize\": 0");
      Cli.Result pending = Cli.run("--config", file.toString(), "queue", "--pending");
      assertThat(pending.code()).as(pending.toString()).isZero();
      assertThat(pending.out()).contains("no pending operations");
      Cli.Result cancel = Cli.run("--config", file.toString(), "queue", "--cancel", "nope");
      assertThat(cancel.code()).as(cancel.toString()).isNotZero();
      assertThat(cancel.err()).contains("no pending operation with request id nope");
      Cli.Result work = Cli.run("--config", file.toString(), "queue", "--work", "--for", "1");
      assertThat(work.code()).as(work.toString()).isZero();
      assertThat(work.err()).contains("retry worker running for 1 s");
      assertThat(work.out()).contains("pending").contains("dead letters");
      Cli.Result misuse = Cli.run("--config", file.toString(), "queue", "--for", "1");
      assertThat(misuse.code()).isEqualTo(UdmCli.INVALID);
    }
  }
}
