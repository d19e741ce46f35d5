package io.udm.cli;

import io.udm.api.ContentRef;
import io.udm.api.CreateResult;
import io.udm.api.ItemOps;
import io.udm.api.ItemView;
import io.udm.api.ListOptions;
import io.udm.api.MetaQuery;
import io.udm.api.Page;
import io.udm.api.ReadOptions;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.UpdateResult;
import io.udm.api.VersionInfo;
import io.udm.api.WriteOptions;
import io.udm.api.config.Base64Prop;
import io.udm.api.config.CollectionMap;
import io.udm.api.config.CollectionValidation;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.OptimisticLockException;
import io.udm.api.json.JsonValues;
import io.udm.bootstrap.Udms;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** A short tour of UDM on the embedded default, with no setup. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "A short tour: create, update, a rejected stale update, history, as-of read, listing.")
public final class DemoCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    UdmConfig config = UdmConfig.builder()
        .putCollectionMaps("users", CollectionMap.builder()
            .addIndexedProps("email", "status")
            .validation(CollectionValidation.builder().addRequiredIndexed("email").build())
            .putBase64Props("avatar", Base64Prop.builder().contentType("image/png").build())
            .build())
        .build();
    try (Udm udm = Udms.inMemory(config)) {
      tour(udm, out);
    }
    return 0;
  }

  private static void tour(Udm udm, PrintWriter out) throws InterruptedException {
    RouteContext users = RouteContext.of("acme", "crm", "users");
    ItemOps ops = udm.with(users);
    out.println("UDM demo on the embedded in-memory backend; collection " + users
        + " routes to backend " + udm.route(users).backendId());
    out.println();

    CreateResult created = ops.create(
        user("Ada Lovelace", "ada@example.com", "trial"),
        WriteOptions.builder().actor("demo").reason("sign-up").build());
    String id = created.id();
    out.printf("1. create        %s -> ov %d, cv %d%n", id, created.ov(), created.cv());
    show(out, ops.getLatest(id).orElseThrow());

    Thread.sleep(2); // versions a few milliseconds apart make the as-of read below unambiguous
    UpdateResult updated = ops.update(id,
        user("Ada Lovelace", "ada@example.com", "active"),
        WriteOptions.builder().expectedOv(1).actor("demo").reason("upgrade").build());
    out.printf("2. update        expectedOv 1 -> ov %d, cv %d%n", updated.ov(), updated.cv());
    show(out, ops.getLatest(id).orElseThrow());

    try {
      ops.update(id, user("Ada", "ada@example.com", "trial"),
          WriteOptions.builder().expectedOv(1).build());
      out.println("3. stale update  unexpectedly accepted");
    } catch (OptimisticLockException e) {
      out.printf("3. stale update  expectedOv 1 rejected: %s (expected %d, actual %d)%n",
          e.getClass().getSimpleName(), e.expectedOv(), e.actualOv());
    }

    out.println("4. history");
    out.printf("   %-3s %-3s %-30s %-7s %-6s %s%n", "ov", "cv", "at", "op", "actor", "reason");
    for (VersionInfo v : ops.history(id)) {
      out.printf("   %-3d %-3d %-30s %-7s %-6s %s%n", v.ov(), v.cv(), v.at(), v.op(),
          v.actor().orElse("-"), v.reason().orElse("-"));
    }

    ItemView asOf = ops.getAsOf(id, created.at()).orElseThrow();
    out.printf("5. as-of read    at %s -> ov %d%n", created.at(), asOf.ov());
    show(out, asOf);

    ops.create(user("Grace Hopper", "grace@example.com", "active"));
    ops.create(user("Alan Turing", "alan@example.com", "active"));
    ops.create(user("Edsger Dijkstra", "edsger@example.com", "trial"));
    MetaQuery activeUsers = MetaQuery.fromJson("{\"status\": \"active\"}");
    Page<ItemView> page = ops.listByMeta(activeUsers, ListOptions.builder().sortBy("email", true).limit(10).build());
    out.printf("6. listByMeta    {\"status\": \"active\"} sorted by email -> %d items%n", page.items().size());
    for (ItemView item : page.items()) {
      out.printf("   %-20s %s (ov %d)%n", item.data().path("email").asText(), item.data().path("name").asText(), item.ov());
    }

    Map<String, Object> withAvatar = user("Ada Lovelace", "ada@example.com", "active");
    String avatar = Base64.getEncoder().encodeToString("not really a PNG, but bytes all the same".getBytes(StandardCharsets.UTF_8));
    withAvatar.put("avatar", avatar);
    ops.update(id, withAvatar, WriteOptions.builder().actor("demo").reason("avatar").build());
    ops.update(id, withAvatar, WriteOptions.builder().actor("demo").reason("same avatar again").build());
    ItemView withContent = ops.getLatest(id).orElseThrow();
    ContentRef ref = withContent.content().get("avatar");
    boolean sameKey = ref.key().equals(ops.getVersion(id, withContent.ov() - 1).orElseThrow().content().get("avatar").key());
    String inlined = ops.getLatest(id, ReadOptions.builder().inlineContent(true).build()).orElseThrow()
        .data().path("avatar").asText();
    out.printf("7. base64 avatar %d bytes moved to the content bucket, stored once for ov %d and %d: %s%n",
        ref.size(), withContent.ov() - 1, withContent.ov(), sameKey);
    out.println("                 data holds " + JsonValues.toJson(withContent.data().get("avatar")));
    out.println("                 inlineContent(true) gives the original base64 back: " + inlined.equals(avatar));
    List<VersionInfo> history = ops.history(id);
    out.println();
    out.printf("Done: %d versions of %s kept; nothing was overwritten.%n", history.size(), id);
  }

  private static Map<String, Object> user(String name, String email, String status) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("name", name);
    user.put("email", email);
    user.put("status", status);
    return user;
  }

  private static void show(PrintWriter out, ItemView view) {
    out.println("                 " + JsonValues.toJson(view.data()));
  }
}
