package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.udm.api.ItemOps;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.UdmOptions;
import io.udm.api.config.UdmConfig;
import io.udm.bootstrap.Udms;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A user's project: UDM's library versions win through the BOM, and UDM works in it. */
class ConsumerTest {
  @Test
  void theBomPinsUdmsLibraryVersions() {
    String jackson = System.getProperty("expected.jackson");
    assertEquals(jackson, com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString(), "jackson-core");
    assertEquals(jackson, com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString(), "jackson-databind");
    // jackson-annotations is versioned major.minor only since 2.20.
    String annotations = JsonProperty.class.getPackage().getImplementationVersion();
    assertTrue(annotations.startsWith(jackson.substring(0, jackson.lastIndexOf('.'))), "jackson-annotations " + annotations);
    assertEquals(System.getProperty("expected.awssdk"), software.amazon.awssdk.core.util.VersionInfo.SDK_VERSION,
        "AWS SDK core");
  }

  @Test
  void metricsReachTheRegistryAUserGives() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (Udm udm = Udms.inMemory(UdmConfig.builder().build(), UdmOptions.builder().meterRegistry(registry).build())) {
      udm.with(RouteContext.of("acme", "crm", "users")).create(Map.of("email", "ada@example.com"));
    }
    assertEquals(1, registry.get("udm.operations").tag("operation", "create").timer().count());
  }

  /** The README's quick start (this project's QuickStart.java; a build test keeps the two the same). */
  @Test
  void theReadmeQuickStartRuns() {
    QuickStart.main(new String[0]);
  }

  @Test
  void createAndReadOnTheInMemoryBackend() {
    try (Udm udm = Udms.inMemory(UdmConfig.builder().build())) {
      ItemOps users = udm.with(RouteContext.of("acme", "crm", "users"));
      String id = users.create(Map.of("email", "ada@example.com")).id();
      assertEquals("ada@example.com", users.getLatest(id).orElseThrow().data().path("email").asText());
    }
  }
}
