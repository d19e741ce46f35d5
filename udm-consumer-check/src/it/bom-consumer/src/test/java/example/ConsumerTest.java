package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.udm.api.ItemOps;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.UdmOptions;
import io.udm.api.config.UdmConfig;
import io.udm.bootstrap.Udms;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A user's project: UDM's library versions win through the BOM, nothing CLI-, metrics- or test-only leaks in, it works. */
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
  void nothingTestOrCliOnlyLeaksIntoAUsersClasspath() {
    for (String leaked : new String[] {"org.gaul.s3proxy.S3Proxy", "de.bwaldvogel.mongo.MongoServer",
        "ch.qos.logback.classic.Logger", "org.junit.platform.suite.api.Suite", "org.assertj.core.api.Assertions",
        "com.tngtech.archunit.core.domain.JavaClass", "picocli.CommandLine", "me.tongfei.progressbar.ProgressBar",
        "io.micrometer.core.instrument.MeterRegistry", "io.micrometer.prometheusmetrics.PrometheusMeterRegistry",
        "io.udm.http.UdmHttpServer"}) {
      assertThrows(ClassNotFoundException.class, () -> Class.forName(leaked), leaked);
    }
  }

  @Test
  void optionsWithoutMetricsNeedNoMicrometerOnTheClasspath() {
    try (Udm udm = Udms.inMemory(UdmConfig.builder().build(), UdmOptions.defaults())) {
      ItemOps users = udm.with(RouteContext.of("acme", "crm", "users"));
      String id = users.create(Map.of("email", "ada@example.com")).id();
      assertTrue(users.getLatest(id).isPresent());
    }
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
