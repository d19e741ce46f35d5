package example;

import io.udm.api.CreateResult;
import io.udm.api.ItemOps;
import io.udm.api.ItemView;
import io.udm.api.ListOptions;
import io.udm.api.MetaQuery;
import io.udm.api.Page;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.VersionInfo;
import io.udm.api.WriteOptions;
import io.udm.api.config.CollectionMap;
import io.udm.api.config.CollectionValidation;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.OptimisticLockException;
import io.udm.bootstrap.Udms;
import java.util.Map;

public class QuickStart {
  public static void main(String[] args) {
    // Collection "users": email and status are indexed (filter and sort on them); every write must carry an email.
    UdmConfig config = UdmConfig.builder()
        .putCollectionMaps("users", CollectionMap.builder()
            .addIndexedProps("email", "status")
            .validation(CollectionValidation.builder().addRequiredIndexed("email").build())
            .build())
        .build();

    try (Udm udm = Udms.inMemory(config)) {                 // Udms.create(config) for MongoDB + S3
      ItemOps users = udm.with(RouteContext.of("acme", "crm", "users"));

      CreateResult created = users.create(Map.of("email", "ada@example.com", "status", "trial"));
      users.update(created.id(), Map.of("email", "ada@example.com", "status", "active"),
          WriteOptions.builder().expectedOv(created.ov()).actor("alice").reason("upgrade").build());

      try {                                                 // expectedOv 1 again: the item is at ov 2 now
        users.update(created.id(), Map.of("email", "ada@example.com", "status", "gone"),
            WriteOptions.builder().expectedOv(1).build());
      } catch (OptimisticLockException e) {
        System.out.println("stale write refused: expected ov " + e.expectedOv() + ", item at ov " + e.actualOv());
      }

      ItemView latest = users.getLatest(created.id()).orElseThrow();
      ItemView first = users.getVersion(created.id(), 1).orElseThrow();
      System.out.println("latest ov " + latest.ov() + ": " + latest.data());
      System.out.println("ov 1: " + first.data());
      for (VersionInfo v : users.history(created.id())) {
        System.out.println("  ov " + v.ov() + " " + v.op() + " by " + v.actor().orElse("-"));
      }

      users.create(Map.of("email", "grace@example.com", "status", "active"));
      Page<ItemView> active = users.listByMeta(MetaQuery.fromJson("{\"status\": \"active\"}"),
          ListOptions.builder().sortBy("email", true).limit(50).build());
      active.items().forEach(item -> System.out.println("active: " + item.data().get("email").asText()));
    }
  }
}
