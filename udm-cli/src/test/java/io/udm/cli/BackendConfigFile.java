package io.udm.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.config.SpacesConn;
import io.udm.api.config.UdmConfig;
import io.udm.api.json.JsonValues;

/** A config file's JSON naming the backend pair of servers a test started, for `udm --config`. */
final class BackendConfigFile {
  private BackendConfigFile() {}

  /** {@code backends}' first pair as config JSON; add to it, then write it. */
  static ObjectNode of(UdmConfig backends) {
    SpacesConn s3 = backends.spacesConns().get(0);
    ObjectNode file = JsonValues.NODES.objectNode();
    file.putArray("mongoUris").add(backends.mongoUris().get(0));
    file.putArray("spacesConns").addObject().put("endpoint", s3.endpoint()).put("region", s3.region())
        .put("accessKey", s3.accessKey()).put("secretKey", s3.secretKey()).put("jsonBucket", s3.jsonBucket())
        .put("contentBucket", s3.contentBucket()).put("backupsBucket", s3.backupsBucket());
    return file;
  }
}
