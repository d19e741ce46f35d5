package io.udm.domain.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.udm.api.Op;
import io.udm.api.json.JsonValues;
import org.junit.jupiter.api.Test;

/**
 * Fingerprints are stored with the versions they guard, so their exact value must never change:
 * the expected digests were computed outside Java, e.g. {@code printf 'DELETE\0u1\0' | sha256sum}.
 */
class RequestFingerprintTest {
  @Test
  void aFingerprintIsTheSha256OfOpObjectIdAndTheBodyWithSortedKeys() {
    String fingerprint = RequestFingerprint.of(Op.UPDATE, "u1", JsonValues.parseObject("{\"b\":[2,{\"d\":4,\"c\":3}],\"a\":1}"));

    // printf 'UPDATE\0u1\0{"a":1,"b":[2,{"c":3,"d":4}]}' | sha256sum
    assertThat(fingerprint).isEqualTo("3d39ce0b782c2014c32b6f9fd5511581d80c095232d50c5982fe7bb46572c80c");
  }

  @Test
  void aRequestWithoutBodyHashesOpAndObjectIdOnly() {
    // printf 'DELETE\0u1\0' | sha256sum
    assertThat(RequestFingerprint.of(Op.DELETE, "u1", null))
        .isEqualTo("b5d1c9f763a1fc324064ef7ac5600b4cef0b0f92fd0cf5326a6aa1f41c05672b");
  }
}
