package io.udm.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.udm.api.config.SpacesConn;
import io.udm.api.config.UdmConfig;
import org.junit.jupiter.api.Test;

/**
 * A backend id is recorded in its backend and hashed by rendezvous routing, so the id proposed
 * for a pair must never change; the expected value was computed outside Java.
 */
class BackendIdsTest {
  @Test
  void anIdIsTheFirstFiveBytesOfTheSha256OfMongoUriEndpointAndJsonBucket() {
    UdmConfig config = UdmConfig.builder()
        .addMongoUris("mongodb://localhost:27017")
        .addSpacesConns(SpacesConn.builder()
            .endpoint("http://127.0.0.1:9000").region("us-east-1").accessKey("AK").secretKey("SK")
            .backupsBucket("udm-backups").jsonBucket("udm-json").contentBucket("udm-content").build())
        .build();

    // printf 'mongodb://localhost:27017|http://127.0.0.1:9000|udm-json' | sha256sum | cut -c1-10
    assertThat(BackendIds.of(config)).containsExactly("b-897cfed556");
  }
}
