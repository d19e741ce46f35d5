package io.udm.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.udm.api.ItemOps;
import io.udm.api.Progress;
import io.udm.api.ProgressListener;
import io.udm.api.RestoreTarget;
import io.udm.api.RouteContext;
import io.udm.api.ShrinkOptions;
import io.udm.api.Udm;
import io.udm.api.WriteOptions;
import io.udm.api.config.RetentionConfig;
import io.udm.api.config.UdmConfig;
import io.udm.api.config.VersionRetention;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Long operations report their progress through the API's {@link ProgressListener}: once per item,
 * counting up to the items there are; a listener that throws stops the operation.
 */
class ProgressReportingTest {
  private static final int ITEMS = 7;
  private final RouteContext users = RouteContext.of("acme", "crm", "users");
  // Payload objects, so garbage collection has payloads of every item to page through.
  private final Udm udm = Udms.inMemory(UdmConfig.builder().storage(io.udm.app.PayloadLayouts.objectPayloads())
      .retention(RetentionConfig.builder().ver(VersionRetention.builder().maxPerItem(1).build()).build()).build());
  private final List<Progress> heard = new ArrayList<>();

  @AfterEach
  void close() {
    udm.close();
  }

  private ItemOps itemsWithTwoVersionsEach() {
    ItemOps items = udm.with(users);
    for (int i = 0; i < ITEMS; i++) {
      String id = items.create(Map.of("n", i)).id();
      items.update(id, Map.of("n", i, "again", true));
    }
    return items;
  }

  @Test
  void verifyGcShrinkAndRetentionCountEveryItem() {
    itemsWithTwoVersionsEach();

    udm.maintenance().verify(users, heard::add);
    assertThat(doneOf("verify")).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);

    udm.maintenance().shrinkDevShadows(users, ShrinkOptions.dryRun(), heard::add);
    assertThat(doneOf("shrink")).last().isEqualTo((long) ITEMS);

    udm.maintenance().applyRetention(users, heard::add);
    assertThat(doneOf("retention")).last().isEqualTo((long) ITEMS);

    udm.maintenance().collectGarbage(users, Duration.ofDays(1), heard::add);
    assertThat(doneOf("gc payloads")).last().isEqualTo((long) ITEMS);
    assertThat(heard).allSatisfy(p -> assertThat(p.total()).isEmpty());
  }

  @Test
  void collectionRestoreReportsTheItemsItScanned() {
    ItemOps items = itemsWithTwoVersionsEach();

    items.restoreCollection(RestoreTarget.collectionVersion(1), WriteOptions.none(), heard::add);

    assertThat(doneOf("restore")).isNotEmpty().last().isEqualTo((long) ITEMS);
  }

  @Test
  void aListenerThatThrowsStopsTheOperation() {
    itemsWithTwoVersionsEach();
    ProgressListener stopAtThree = p -> {
      if (p.done() == 3) {
        throw new IllegalStateException("stop");
      }
      heard.add(p);
    };

    assertThatThrownBy(() -> udm.maintenance().verify(users, stopAtThree)).hasMessage("stop");
    assertThat(doneOf("verify")).containsExactly(1L, 2L);
  }

  private List<Long> doneOf(String task) {
    return heard.stream().filter(p -> p.task().equals(task)).map(Progress::done).toList();
  }
}
