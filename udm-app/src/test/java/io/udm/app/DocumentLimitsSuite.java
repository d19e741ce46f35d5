package io.udm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.ItemOps;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.config.LimitsConfig;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.ValidationException;
import io.udm.api.json.JsonValues;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pathological documents are refused with a typed error, without a stack overflow and without a
 * single upload. Each wiring (memory; MongoDB + S3 servers in the JVM) runs it on its own stores.
 */
public abstract class DocumentLimitsSuite {
  private final CountingPorts spy = new CountingPorts();
  private final Udm udm;
  private final ItemOps ops;

  protected DocumentLimitsSuite(TestStores stores) {
    MutableClock clock = stores.clock("2026-01-01T00:00:00Z");
    udm = TestUdms.open(
        UdmConfig.builder().limits(LimitsConfig.builder().maxDocumentBytes(64 * 1024).maxNestingDepth(32).build()).build(),
        spy.wrap(stores.ports(clock)), clock, MemoryPorts.sequentialIds());
    ops = udm.with(RouteContext.of(TestStores.tenant("acme"), "crm", "docs"));
  }

  @AfterEach
  void close() {
    udm.close();
  }

  @Test
  void aTenThousandDeepObjectIsRefusedWithoutUploading() {
    ObjectNode root = JsonValues.NODES.objectNode();
    ObjectNode current = root;
    for (int i = 0; i < 10_000; i++) {
      current = current.putObject("n");
    }
    assertThatThrownBy(() -> ops.create(root)).isInstanceOf(ValidationException.class).hasMessageContaining("deep");
    assertThat(spy.count("BlobStore.put")).isZero();
    assertThat(spy.total()).isZero();
  }

  @Test
  void aTenThousandDeepArrayIsRefusedWithoutUploading() {
    ObjectNode root = JsonValues.NODES.objectNode();
    ArrayNode current = root.putArray("a");
    for (int i = 0; i < 10_000; i++) {
      current = current.addArray();
    }
    assertThatThrownBy(() -> ops.create(root)).isInstanceOf(ValidationException.class);
    assertThat(spy.total()).isZero();
  }

  @Test
  void aTenThousandDeepMapIsRefusedWithoutUploading() {
    Map<String, Object> root = new HashMap<>();
    Map<String, Object> current = root;
    for (int i = 0; i < 10_000; i++) {
      Map<String, Object> next = new HashMap<>();
      current.put("n", next);
      current = next;
    }
    assertThatThrownBy(() -> ops.create(root)).isInstanceOf(ValidationException.class);
    assertThat(spy.total()).isZero();
  }

  @Test
  void aTenThousandDeepJsonTextIsRefused() {
    String deep = "{\"n\":".repeat(10_000) + "1" + "}".repeat(10_000);
    assertThatThrownBy(() -> JsonValues.parseObject(deep)).isInstanceOf(ValidationException.class);
  }

  @Test
  void anOversizedDocumentIsRefusedWithoutUploading() {
    Map<String, Object> big = Map.of("blob", "x".repeat(100 * 1024));
    assertThatThrownBy(() -> ops.create(big)).isInstanceOf(ValidationException.class).hasMessageContaining("bytes");
    assertThat(spy.count("BlobStore.put")).isZero();
    assertThat(spy.total()).isZero();
  }

  @Test
  void documentsWithinTheLimitsAreStored() {
    // Above the inline threshold: the payload goes to object storage, once.
    String id = ops.create(Map.of("blob", "x".repeat(16 * 1024))).id();
    assertThat(ops.getLatest(id)).isPresent();
    assertThat(spy.count("BlobStore.put")).isEqualTo(1);
  }
}
