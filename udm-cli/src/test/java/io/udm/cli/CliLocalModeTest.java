package io.udm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI in local mode: every command is a separate {@code run}, each opening the data directory anew. */
class CliLocalModeTest {
  private static final String USERS = "acme/crm/users";

  @TempDir
  Path dir;

  private String create(String json) {
    Cli.Result put = Cli.local(dir, "put", "-c", USERS, json, "--json");
    assertThat(put.code()).as(put.toString()).isZero();
    return put.json().path("id").asText();
  }

  @Test
  void diffShowsWhatChangedByPathAndChangesListsTheFeed() {
    String id = Cli.local(dir, "put", "-c", USERS, "{\"email\":\"a@x.io\",\"tags\":[\"x\"]}").out().strip();
    Cli.local(dir, "put", "-c", USERS, "--id", id, "{\"email\":\"b@x.io\",\"tags\":[\"x\",\"y\"]}");

    Cli.Result diff = Cli.local(dir, "diff", "-c", USERS, id, "--from", "1", "--to", "2");
    assertThat(diff.code()).as(diff.toString()).isZero();
    assertThat(diff.out()).contains("~ /email = \"b@x.io\"").contains("+ /tags/1 = \"y\"").doesNotContain("\u001b[");
    Cli.Result colored = Cli.localOnATerminal(dir, "diff", "-c", USERS, id, "--from", "1", "--to", "2");
    assertThat(colored.out()).contains("\u001b[33m~ /email");
    Cli.Result patch = Cli.local(dir, "diff", "-c", USERS, id, "--from", "2", "--to", "0", "--json");
    assertThat(patch.json().path("patch").size()).isEqualTo(2);
    assertThat(patch.json().path("patch").get(0).path("op").asText()).isEqualTo("remove");

    Cli.Result changes = Cli.local(dir, "changes", "-c", USERS, "--json", "--data");
    assertThat(changes.code()).as(changes.toString()).isZero();
    List<String> lines = changes.out().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).contains("\"op\":\"UPDATE\"").contains("b@x.io").contains("\"cv\":2");
    assertThat(Cli.local(dir, "changes", "-c", USERS, "--after-cv", "2").out()).isEmpty();
    assertThat(Cli.local(dir, "changes", "-c", USERS, "--limit", "0").code()).isEqualTo(2);
  }

  @Test
  void putThenGetHistoryAndListInSeparateRuns() {
    Cli.Result put = Cli.local(dir, "put", "-c", USERS, "{\"email\":\"a@x.io\"}", "--actor", "alice", "--reason", "sign-up");
    assertThat(put.code()).as(put.toString()).isZero();
    String id = put.out().strip();

    Cli.Result update =
        Cli.localOnATerminal(dir, "put", "-c", USERS, "--id", id, "--expected-ov", "1", "{\"email\":\"b@x.io\"}");
    assertThat(update.code()).as(update.toString()).isZero();
    assertThat(update.out()).contains("updated " + id).contains("ov 2");

    Cli.Result latest = Cli.local(dir, "get", "-c", USERS, id);
    assertThat(latest.code()).as(latest.toString()).isZero();
    assertThat(latest.out()).contains("ov 2").contains("\"email\": \"b@x.io\"");

    Cli.Result first = Cli.local(dir, "get", "-c", USERS, id, "--ov", "1", "--json");
    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(first.json().path("data").path("email").asText()).isEqualTo("a@x.io");

    String createdAt = first.json().path("at").asText();
    Cli.Result asOf = Cli.local(dir, "get", "-c", USERS, id, "--as-of", createdAt, "--json");
    assertThat(asOf.json().path("ov").asLong()).as(asOf.toString()).isEqualTo(1);

    Cli.Result history = Cli.local(dir, "history", "-c", USERS, id);
    assertThat(history.code()).as(history.toString()).isZero();
    assertThat(history.out()).contains("CREATE").contains("UPDATE").contains("alice").contains("sign-up");

    Cli.Result list = Cli.local(dir, "list", "-c", USERS);
    assertThat(list.code()).as(list.toString()).isZero();
    assertThat(list.out()).contains(id).contains("b@x.io").contains("1 item");
    assertThat(list.err()).isEmpty();
  }

  @Test
  void putPrintsOnlyTheIdToAScriptOrWithQuietAndASentenceOnATerminal() {
    Cli.Result toAScript = Cli.local(dir, "put", "-c", USERS, "{\"n\":1}");
    assertThat(toAScript.code()).as(toAScript.toString()).isZero();
    assertThat(toAScript.out()).as("one line: the id alone").matches("\\S+\\R");
    String id = toAScript.out().strip();
    Cli.Result get = Cli.local(dir, "get", "-c", USERS, id, "--json");
    assertThat(get.json().path("data").path("n").asInt()).as(get.toString()).isEqualTo(1);

    Cli.Result onATerminal = Cli.localOnATerminal(dir, "put", "-c", USERS, "--id", id, "{\"n\":2}");
    assertThat(onATerminal.code()).as(onATerminal.toString()).isZero();
    assertThat(onATerminal.out()).startsWith("updated " + id + " in " + USERS + ": ov 2, cv ");

    Cli.Result quiet = Cli.localOnATerminal(dir, "put", "-c", USERS, "--id", "ada-1", "--create", "{\"n\":3}", "-q");
    assertThat(quiet.code()).as(quiet.toString()).isZero();
    assertThat(quiet.out()).isEqualTo("ada-1" + System.lineSeparator());

    Cli.Result jsonAndQuiet =
        Cli.localOnATerminal(dir, "put", "-c", USERS, "--id", "ada-1", "{\"n\":4}", "--quiet", "--json");
    assertThat(jsonAndQuiet.json().path("ov").asLong()).as(jsonAndQuiet.toString()).isEqualTo(2);
  }

  @Test
  void jsonOutputParses() {
    String id = create("{\"name\":\"Ada\",\"tags\":[\"a\",\"b\"]}");

    JsonNode item = Cli.local(dir, "get", "-c", USERS, id, "--json").json();
    assertThat(item.path("id").asText()).isEqualTo(id);
    assertThat(item.path("ov").asLong()).isEqualTo(1);
    assertThat(item.path("deleted").asBoolean()).isFalse();
    assertThat(item.path("data").path("tags").size()).isEqualTo(2);
    assertThat(item.path("system").path("insertedAt").isTextual()).isTrue();

    JsonNode history = Cli.local(dir, "history", "-c", USERS, id, "--json").json();
    assertThat(history.path("versions").get(0).path("op").asText()).isEqualTo("CREATE");
    assertThat(history.path("versions").get(0).path("actor").isNull()).isTrue();

    JsonNode list = Cli.local(dir, "list", "-c", USERS, "--json").json();
    assertThat(list.path("items").get(0).path("id").asText()).isEqualTo(id);
    assertThat(list.path("nextCursor").isNull()).isTrue();

    JsonNode health = Cli.local(dir, "health", "--json").json();
    assertThat(health.path("status").asText()).isEqualTo("UP");
  }

  @Test
  void staleExpectedOvExitsWithAConflict() {
    String id = create("{\"v\":1}");
    assertThat(Cli.local(dir, "put", "-c", USERS, "--id", id, "{\"v\":2}").code()).isZero();

    Cli.Result stale = Cli.local(dir, "put", "-c", USERS, "--id", id, "--expected-ov", "1", "{\"v\":3}");

    assertThat(stale.code()).as(stale.toString()).isEqualTo(UdmCli.CONFLICT);
    assertThat(stale.err()).startsWith("error: ").contains(id).contains("expected ov 1").contains("ov 2");
    assertThat(stale.err()).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(stale.out()).isEmpty();
  }

  @Test
  void invalidInputExitsTwoBeforeAnythingStarts() {
    Cli.Result badId = Cli.local(dir, "get", "-c", USERS, "not/an id");
    assertThat(badId.code()).as(badId.toString()).isEqualTo(UdmCli.INVALID);
    assertThat(badId.err()).contains("objectId").doesNotContain("\tat ");

    Cli.Result badJson = Cli.local(dir, "put", "-c", USERS, "{\"email\": ");
    assertThat(badJson.code()).as(badJson.toString()).isEqualTo(UdmCli.INVALID);
    assertThat(badJson.err()).contains("not valid JSON");

    Cli.Result notAnObject = Cli.local(dir, "put", "-c", USERS, "[1, 2]");
    assertThat(notAnObject.err()).contains("must be a JSON object, found an array");

    Cli.Result badCollection = Cli.local(dir, "list", "-c", "acme/crm");
    assertThat(badCollection.code()).isEqualTo(UdmCli.INVALID);
    assertThat(badCollection.err()).contains("TENANT/DB/COLLECTION").contains("udm list --help");

    Cli.Result badTenant = Cli.local(dir, "list", "-c", "$acme/crm/users");
    assertThat(badTenant.code()).isEqualTo(UdmCli.INVALID);
    assertThat(badTenant.err()).contains("tenantId");

    Cli.Result unknownCommand = Cli.local(dir, "gett");
    assertThat(unknownCommand.code()).isEqualTo(UdmCli.INVALID);
    assertThat(unknownCommand.err()).contains("udm get");

    Cli.Result unconfirmed = Cli.local(dir, "hard-delete", "-c", USERS, "abc");
    assertThat(unconfirmed.code()).isEqualTo(UdmCli.INVALID);
    assertThat(unconfirmed.err()).contains("--confirm");

    Cli.Result unconfirmedRestore = Cli.local(dir, "restore", "-c", USERS, "--all", "--cv", "3");
    assertThat(unconfirmedRestore.code()).as(unconfirmedRestore.toString()).isEqualTo(UdmCli.INVALID);
    assertThat(unconfirmedRestore.err()).contains("--confirm");

    Cli.Result badFilter = Cli.local(dir, "list", "-c", USERS, "--filter", "{\"email\": {\"$where\": 1}}");
    assertThat(badFilter.code()).as(badFilter.toString()).isEqualTo(UdmCli.INVALID);
    assertThat(badFilter.err()).contains("$where");

    // None of these reached the servers: nothing was created.
    assertThat(dir.resolve("mongo.mv")).doesNotExist();
  }

  @Test
  void notIndexedFilterReportsTheProblem() {
    create("{\"email\":\"a@x.io\"}");
    Cli.Result r = Cli.local(dir, "list", "-c", USERS, "--filter", "{\"email\": \"a@x.io\"}");
    assertThat(r.code()).as(r.toString()).isEqualTo(UdmCli.INVALID);
    assertThat(r.err()).contains("not indexed");
  }

  @Test
  void missingAndDeletedItemsExitThreeWithAHint() {
    Cli.Result missing = Cli.local(dir, "get", "-c", USERS, "nobody");
    assertThat(missing.code()).as(missing.toString()).isEqualTo(UdmCli.NOT_FOUND);
    assertThat(missing.err()).contains("nobody").contains("does not exist");

    String id = create("{\"v\":1}");
    Cli.Result deleted = Cli.local(dir, "delete", "-c", USERS, id, "--reason", "gone");
    assertThat(deleted.code()).as(deleted.toString()).isZero();
    assertThat(deleted.out()).contains("deleted " + id).contains("ov 2");

    Cli.Result get = Cli.local(dir, "get", "-c", USERS, id);
    assertThat(get.code()).isEqualTo(UdmCli.NOT_FOUND);
    assertThat(get.err()).contains("is deleted").contains("--include-deleted");

    Cli.Result withDeleted = Cli.local(dir, "get", "-c", USERS, id, "--include-deleted");
    assertThat(withDeleted.code()).as(withDeleted.toString()).isZero();
    assertThat(withDeleted.out()).contains("DELETED");

    Cli.Result noSuchVersion = Cli.local(dir, "get", "-c", USERS, id, "--ov", "9");
    assertThat(noSuchVersion.code()).isEqualTo(UdmCli.NOT_FOUND);
    assertThat(noSuchVersion.err()).contains("no version 9");

    assertThat(Cli.local(dir, "history", "-c", USERS, "nobody").code()).isEqualTo(UdmCli.NOT_FOUND);
  }

  @Test
  void putReadsStdinAndFiles() throws Exception {
    Cli.Result fromStdin = Cli.localWithStdin(dir, "{\"from\":\"stdin\"}", "put", "-c", USERS, "--json");
    assertThat(fromStdin.code()).as(fromStdin.toString()).isZero();
    String id = fromStdin.json().path("id").asText();

    Path file = dir.resolveSibling(dir.getFileName() + "-item.json");
    Files.writeString(file, "{\"from\":\"file\"}");
    try {
      Cli.Result fromFile = Cli.local(dir, "put", "-c", USERS, "--id", id, "--file", file.toString());
      assertThat(fromFile.code()).as(fromFile.toString()).isZero();
    } finally {
      Files.deleteIfExists(file);
    }
    JsonNode item = Cli.local(dir, "get", "-c", USERS, id, "--json").json();
    assertThat(item.path("data").path("from").asText()).isEqualTo("file");

    Cli.Result chosenId = Cli.local(dir, "put", "-c", USERS, "--id", "ada-1", "--create", "{\"n\":1}");
    assertThat(chosenId.code()).as(chosenId.toString()).isZero();
    assertThat(chosenId.out()).isEqualTo("ada-1" + System.lineSeparator());
    Cli.Result again = Cli.local(dir, "put", "-c", USERS, "--id", "ada-1", "--create", "{\"n\":1}");
    assertThat(again.code()).as(again.toString()).isEqualTo(UdmCli.CONFLICT);

    Cli.Result nothing = Cli.local(dir, "put", "-c", USERS);
    assertThat(nothing.code()).isEqualTo(UdmCli.INVALID);
    assertThat(nothing.err()).contains("no JSON given");
  }

  @Test
  void listPagesWithCursorsAndAll() {
    for (int i = 0; i < 5; i++) {
      create("{\"n\":" + i + "}");
    }
    Cli.Result page1 = Cli.local(dir, "list", "-c", USERS, "--limit", "2", "--json");
    JsonNode first = page1.json();
    assertThat(first.path("items").size()).isEqualTo(2);
    String cursor = first.path("nextCursor").asText();
    assertThat(cursor).isNotEmpty();

    Cli.Result page2 = Cli.local(dir, "list", "-c", USERS, "--limit", "2", "--cursor", cursor);
    assertThat(page2.code()).as(page2.toString()).isZero();
    assertThat(page2.out()).contains("\"n\":2").contains("\"n\":3").contains("next cursor: ");

    Cli.Result all = Cli.local(dir, "list", "-c", USERS, "--limit", "2", "--all", "--json");
    assertThat(all.code()).as(all.toString()).isZero();
    assertThat(all.json().path("items").size()).isEqualTo(5);
    assertThat(all.json().path("count").asLong()).isEqualTo(5);
    // Not a terminal: the final progress line (and one per --progress-every items).
    assertThat(all.err()).contains("list: 5 items in ");

    Cli.Result quiet = Cli.local(dir, "list", "-c", USERS, "--limit", "2", "--all", "-q");
    assertThat(quiet.err()).isEmpty();
    assertThat(quiet.out()).contains("5 items");
  }

  @Test
  void everyMaintenanceAndHistoryCommandRuns() {
    String id = create("{\"v\":1}");
    Cli.Result counters = Cli.local(dir, "counters", "-c", "acme", "--json");
    assertThat(counters.code()).as(counters.toString()).isZero();
    assertThat(counters.json().path("creates").asLong()).as(counters.toString()).isEqualTo(1);
    assertThat(counters.json().path("live").asLong()).as(counters.toString()).isEqualTo(1);
    Cli.Result text = Cli.local(dir, "counters", "-c", USERS);
    assertThat(text.code()).as(text.toString()).isZero();
    assertThat(text.out()).contains("counters of acme/crm/users").contains("creates").contains("live");
    assertThat(Cli.local(dir, "put", "-c", USERS, "--id", id, "{\"v\":2}").code()).isZero();
    Cli.Result restore = Cli.local(dir, "restore", "-c", USERS, id, "--ov", "1");
    assertThat(restore.code()).as(restore.toString()).isZero();
    Cli.Result restoredAll = Cli.local(dir, "restore", "-c", USERS, "--all", "--cv", "1", "--confirm", "--json");
    assertThat(restoredAll.code()).as(restoredAll.toString()).isZero();
    assertThat(restoredAll.json().path("unchanged").asLong()).as(restoredAll.toString()).isEqualTo(1);
    Cli.Result enrich = Cli.local(dir, "enrich", "-c", USERS, id, "--function", "scorer@v1", "{\"score\":1}");
    assertThat(enrich.code()).as(enrich.toString()).isZero();
    Cli.Result verify = Cli.local(dir, "verify", "-c", USERS);
    assertThat(verify.code()).as(verify.toString()).isZero();
    Cli.Result gc = Cli.local(dir, "gc", "-c", USERS, "--older-than", "7d");
    assertThat(gc.code()).as(gc.toString()).isZero();
    Cli.Result hardDelete = Cli.local(dir, "hard-delete", "-c", USERS, id, "--confirm");
    assertThat(hardDelete.code()).as(hardDelete.toString()).isEqualTo(2);
    assertThat(hardDelete.err()).contains("hardDeleteEnabled");

    Cli.Result shrink = Cli.local(dir, "shrink", "-c", USERS, "--dry-run");
    assertThat(shrink.code()).as(shrink.toString()).isZero();
    assertThat(shrink.out()).contains("dry run");
    Cli.Result shrunk = Cli.local(dir, "shrink", "-c", USERS, "--confirm");
    assertThat(shrunk.code()).as(shrunk.toString()).isZero();

    Cli.Result queue = Cli.local(dir, "queue");
    assertThat(queue.code()).as(queue.toString()).isZero();
    assertThat(queue.out()).contains("disabled");
  }

  @Test
  void healthListsTheLocalBackend() {
    Cli.Result health = Cli.local(dir, "health");
    assertThat(health.code()).as(health.toString()).isZero();
    assertThat(health.out()).contains("UDM UP").contains("local mode").contains(dir.toAbsolutePath().toString())
        .contains("mongodb://127.0.0.1:").contains("http://127.0.0.1:").contains("counters store: UP");

    JsonNode json = Cli.local(dir, "health", "--json").json();
    assertThat(json.path("backends").size()).isEqualTo(1);
    assertThat(json.path("backends").get(0).path("mongo").path("status").asText()).isEqualTo("UP");
    assertThat(json.path("backends").get(0).path("s3").path("status").asText()).isEqualTo("UP");
  }

  @Test
  void localSettingsFileAddsCollectionMaps() throws Exception {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("udm-local.yaml"), String.join("\n",
        "collectionMaps:",
        "  users:",
        "    indexedProps: [email, status]",
        "    validation:",
        "      requiredIndexed: [email]",
        ""));
    create("{\"email\":\"b@x.io\",\"status\":\"active\"}");
    create("{\"email\":\"a@x.io\",\"status\":\"active\"}");
    create("{\"email\":\"c@x.io\",\"status\":\"trial\"}");

    Cli.Result list = Cli.local(dir, "list", "-c", USERS, "--filter", "{\"status\":\"active\"}", "--sort", "email",
        "--desc", "--json");
    assertThat(list.code()).as(list.toString()).isZero();
    JsonNode items = list.json().path("items");
    assertThat(items.size()).isEqualTo(2);
    assertThat(items.get(0).path("data").path("email").asText()).isEqualTo("b@x.io");
    assertThat(items.get(1).path("data").path("email").asText()).isEqualTo("a@x.io");
    assertThat(items.get(1).path("meta").path("status").asText()).isEqualTo("active");

    Cli.Result missingEmail = Cli.local(dir, "put", "-c", USERS, "{\"status\":\"trial\"}");
    assertThat(missingEmail.code()).as(missingEmail.toString()).isEqualTo(UdmCli.INVALID);
    assertThat(missingEmail.err()).contains("email");
  }

  @Test
  void schemaRefusesBadPutsOnePerLineAndSchemaCheckFindsOlderItems() throws Exception {
    String older = create("{\"email\":\"x\",\"age\":-3}");
    Files.writeString(dir.resolve("udm-local.yaml"), String.join("\n",
        "collectionMaps:",
        "  users:",
        "    schema: {type: object, properties: {email: {type: string, pattern: '^[^@]+@[^@]+$'},"
            + " age: {type: integer, minimum: 0}}}",
        ""));

    Cli.Result refused = Cli.local(dir, "put", "-c", USERS, "{\"email\":\"bad\",\"age\":-1}");
    assertThat(refused.code()).as(refused.toString()).isEqualTo(UdmCli.INVALID);
    assertThat(refused.err()).contains("  - /email: does not match the regex pattern", "  - /age: must have a minimum");
    create("{\"email\":\"y@z.io\",\"age\":3}");

    Cli.Result check = Cli.local(dir, "schema", "check", "-c", USERS, "--json");
    assertThat(check.code()).as(check.toString()).isEqualTo(UdmCli.FAILURE);
    assertThat(check.json().path("itemsChecked").asLong()).isEqualTo(2);
    assertThat(check.json().path("itemsInvalid").asLong()).isEqualTo(1);
    assertThat(check.json().path("violations")).extracting(v -> v.path("itemId").asText() + v.path("pointer").asText())
        .containsExactlyInAnyOrder(older + "/email", older + "/age");
  }

  @Test
  void aPropertyIndexedLaterIsRefusedUntilReindexWhichNeedsConfirm() throws Exception {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("udm-local.yaml"), "collectionMaps:\n  users:\n    indexedProps: [email]\n");
    String trial = create("{\"email\":\"a@x.io\",\"status\":\"trial\"}");
    create("{\"email\":\"b@x.io\",\"status\":\"active\"}");
    Files.writeString(dir.resolve("udm-local.yaml"), "collectionMaps:\n  users:\n    indexedProps: [email, status]\n");

    Cli.Result refused = Cli.local(dir, "list", "-c", USERS, "--filter", "{\"status\":\"trial\"}");
    assertThat(refused.code()).as(refused.toString()).isEqualTo(UdmCli.INVALID);
    assertThat(refused.err()).contains("'status'", "udm reindex -c " + USERS + " --confirm");
    Cli.Result unconfirmed = Cli.local(dir, "reindex", "-c", USERS);
    assertThat(unconfirmed.code()).isEqualTo(UdmCli.INVALID);
    assertThat(unconfirmed.err()).contains("--confirm");

    Cli.Result reindexed = Cli.local(dir, "reindex", "-c", USERS, "--confirm", "--json");
    assertThat(reindexed.code()).as(reindexed.toString()).isZero();
    assertThat(reindexed.json().path("itemsUpdated").asLong()).isEqualTo(2);
    Cli.Result listed = Cli.local(dir, "list", "-c", USERS, "--filter", "{\"status\":\"trial\"}", "--json");
    assertThat(listed.code()).as(listed.toString()).isZero();
    assertThat(listed.json().path("items")).extracting(i -> i.path("id").asText()).containsExactly(trial);
  }

  @Test
  void aHoldIsPlacedListedAndReleasedAndStopsAHardDeleteMeanwhile() throws Exception {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("udm-local.yaml"), "hardDeleteEnabled: true\n");
    String id = create("{\"email\":\"a@x.io\"}");

    Cli.Result placed = Cli.local(dir, "hold", "place", "-c", USERS, "--item", id, "--reason", "case 7");
    assertThat(placed.code()).as(placed.toString()).isZero();
    String holdId = placed.out().strip();
    Cli.Result listed = Cli.local(dir, "hold", "list", "-c", USERS, "--json");
    assertThat(listed.json()).extracting(h -> h.path("holdId").asText() + " " + h.path("itemId").asText())
        .containsExactly(holdId + " " + id);
    Cli.Result refused = Cli.local(dir, "hard-delete", "-c", USERS, id, "--confirm");
    assertThat(refused.code()).as(refused.toString()).isEqualTo(UdmCli.FAILURE);
    assertThat(refused.err()).contains(holdId, "case 7");

    assertThat(Cli.local(dir, "hold", "release", holdId).code()).isZero();
    assertThat(Cli.local(dir, "hold", "list", "-c", USERS).out()).contains("no holds");
    assertThat(Cli.local(dir, "hard-delete", "-c", USERS, id, "--confirm").code()).isZero();
  }

  @Test
  void base64PropertiesAreStoredApartAndComeBackInlineOrThroughAPresignedUrl() throws Exception {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("udm-local.yaml"), String.join("\n",
        "collectionMaps:",
        "  users:",
        "    base64Props:",
        "      avatar: {contentType: image/png}",
        ""));
    byte[] avatar = "pixels of a tiny avatar".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String base64 = java.util.Base64.getEncoder().encodeToString(avatar);
    String id = create("{\"email\":\"a@x.io\",\"avatar\":\"" + base64 + "\"}");

    Cli.Result plain = Cli.local(dir, "get", "-c", USERS, id, "--json");
    assertThat(plain.code()).as(plain.toString()).isZero();
    assertThat(plain.json().path("data").path("avatar").path("$content").path("size").asLong()).isEqualTo(avatar.length);
    Cli.Result inline = Cli.local(dir, "get", "-c", USERS, id, "--inline-content", "--json");
    assertThat(inline.json().path("data").path("avatar").asText()).isEqualTo(base64);
    Cli.Result signed = Cli.local(dir, "get", "-c", USERS, id, "--presign", "5m");
    assertThat(signed.code()).as(signed.toString()).isZero();
    assertThat(signed.out()).contains("content avatar: image/png, " + avatar.length + " bytes").contains("X-Amz-Expires=300");

    Cli.Result bad = Cli.local(dir, "put", "-c", USERS, "{\"email\":\"b@x.io\",\"avatar\":\"%%%\"}");
    assertThat(bad.code()).as(bad.toString()).isEqualTo(UdmCli.INVALID);
    assertThat(bad.err()).contains("avatar").contains("not valid base64");
  }

  @Test
  void localSettingsMustNotNameServers() throws Exception {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("udm-local.json"), "{\"mongoUris\": [\"mongodb://db:27017\"]}");
    Cli.Result r = Cli.local(dir, "health");
    assertThat(r.code()).as(r.toString()).isEqualTo(UdmCli.INVALID);
    assertThat(r.err()).contains("udm-local.json").contains("mongoUris").contains("--config");
  }

  @Test
  void demoStillRunsOnTheInMemoryDefault() {
    Cli.Result demo = Cli.run("demo");
    assertThat(demo.code()).as(demo.toString()).isZero();
    assertThat(demo.out()).contains("in-memory").contains("Done: 4 versions")
        .contains("stored once for ov 3 and 4: true").contains("gives the original base64 back: true");
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"demo", "health", "put", "get", "delete", "history", "list", "restore",
        "enrich", "counters", "queue", "shrink", "hard-delete", "gc", "retention", "verify"}) {
      Cli.Result help = Cli.run(command, "--help");
      assertThat(help.code()).as(command).isZero();
      assertThat(help.out()).as(command).startsWith("Usage: udm " + command);
    }
  }
}
