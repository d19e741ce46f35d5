package io.udm.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.udm.api.json.JsonValues;
import io.udm.spi.HeadRecord;
import io.udm.spi.VersionRecord;
import java.util.Optional;

/**
 * Record comparison that tolerates a store's own JSON number types (a stored 1 may come back as an
 * int or a long node): JSON is compared the MongoDB way, everything else with equals.
 */
public final class SameRecords {
  private SameRecords() {}

  public static void assertSameHead(HeadRecord actual, HeadRecord expected) {
    assertSameJson(actual.meta(), expected.meta(), "meta of " + expected.key());
    assertThat(actual.shadow().isPresent()).as("shadow present on " + expected.key())
        .isEqualTo(expected.shadow().isPresent());
    actual.shadow().ifPresent(shadow ->
        assertSameJson(shadow.document(), expected.shadow().get().document(), "shadow of " + expected.key()));
    HeadRecord normalized = new HeadRecord(
        actual.key(), actual.ov(), actual.cv(), actual.at(), actual.payloadKey(), expected.meta(), actual.system(),
        actual.content(), expected.shadow(), actual.inlinePayload());
    assertThat(normalized).isEqualTo(expected);
  }

  public static void assertSameHead(Optional<HeadRecord> actual, HeadRecord expected) {
    assertThat(actual).as("head of " + expected.key()).isPresent();
    assertSameHead(actual.get(), expected);
  }

  public static void assertSameVersion(VersionRecord actual, VersionRecord expected) {
    assertSameJson(actual.meta(), expected.meta(), "meta of " + expected.key() + " ov " + expected.ov());
    VersionRecord normalized = new VersionRecord(
        actual.key(), actual.ov(), actual.cv(), actual.at(), actual.op(), actual.actor(), actual.reason(),
        actual.functionId(), actual.requestId(), actual.requestHash(), actual.writeId(), actual.payloadKey(),
        actual.payloadBytes(), expected.meta(), actual.system(), actual.content(), actual.at(), actual.inlinePayload());
    assertThat(normalized).isEqualTo(expected);
  }

  public static void assertSameVersion(Optional<VersionRecord> actual, VersionRecord expected) {
    assertThat(actual).as("version " + expected.ov() + " of " + expected.key()).isPresent();
    assertSameVersion(actual.get(), expected);
  }

  public static void assertSameJson(JsonNode actual, JsonNode expected, String what) {
    assertThat(JsonValues.equal(actual, expected))
        .as("%s: expected %s but was %s", what, expected, actual)
        .isTrue();
  }
}
