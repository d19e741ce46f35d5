package io.udm.api.config;

import static io.udm.api.config.TestConfigs.apiExample;
import static io.udm.api.config.TestConfigs.load;
import static io.udm.api.config.TestConfigs.rejection;
import static io.udm.api.config.TestConfigs.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code routing.chooseKey}, including the original config's ignored {@code :objectId} suffix. */
class RoutingKeyConfigTest {
  private static final String ALLOWED = "the parts may only be tenantId, dbName and collection, joined with '|',"
      + " optionally followed by ':objectId' (accepted from the original config and ignored),"
      + " e.g. 'tenantId|dbName|collection'";

  @TempDir Path dir;

  @Test
  void theApiExampleWithTheOriginalObjectIdSuffixLoads() {
    ObjectNode tree = with(apiExample(), "/routing/chooseKey", "\"tenantId|dbName|collection:objectId\"");

    UdmConfig config = load(dir, tree);

    assertThat(config.routing().chooseKey()).isEqualTo("tenantId|dbName|collection:objectId");
    assertThat(config.routing().keyParts()).containsExactly("tenantId", "dbName", "collection");
  }

  @Test
  void theSuffixAddsNoKeyPart() {
    RoutingConfig plain = RoutingConfig.builder().chooseKey("tenantId|dbName|collection").build();
    RoutingConfig suffixed = RoutingConfig.builder().chooseKey("tenantId|dbName|collection:objectId").build();
    RoutingConfig tenantOnly = RoutingConfig.builder().chooseKey("tenantId:objectId").build();

    assertThat(suffixed.keyParts()).isEqualTo(plain.keyParts());
    assertThat(tenantOnly.keyParts()).containsExactly("tenantId");
  }

  @Test
  void theBuilderAcceptsTheSuffixToo() {
    UdmConfig config = UdmConfig.builder()
        .routing(RoutingConfig.builder().chooseKey("tenantId|dbName|collection:objectId").build())
        .build();

    assertThat(config.routing().chooseKey()).endsWith(":objectId");
  }

  static Stream<Arguments> rejectedKeys() {
    return Stream.of(
        Arguments.of("another suffix", "tenantId|dbName|collection:itemId",
            "routing.chooseKey: 'collection:itemId' is not a routing key part; " + ALLOWED),
        Arguments.of("the suffix before the end", "collection:objectId|tenantId",
            "routing.chooseKey: 'collection:objectId' is not a routing key part; " + ALLOWED),
        Arguments.of("the suffix alone", ":objectId",
            "routing.chooseKey: names no part before ':objectId'; " + ALLOWED),
        Arguments.of("objectId as a part of its own", "tenantId|dbName|objectId",
            "routing.chooseKey: must not use objectId: a whole collection must live on one backend pair (lists,"
                + " restores and counters work per collection), so " + ALLOWED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejectedKeys")
  void otherUsesOfObjectIdAndUnknownPartsAreRejectedListingWhatIsAllowed(
      String description, String chooseKey, String problem) {
    ObjectNode tree = with(apiExample(), "/routing/chooseKey", "\"" + chooseKey + "\"");

    assertThat(rejection(() -> load(dir, tree)).problems()).containsExactly(problem);
  }
}
