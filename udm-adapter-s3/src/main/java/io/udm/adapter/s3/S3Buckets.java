package io.udm.adapter.s3;

import io.udm.api.config.SpacesConn;
import io.udm.spi.BlobArea;
import java.util.Map;
import java.util.Objects;

/** Which bucket holds each {@link BlobArea}, and the config field that names it (for messages). */
record S3Buckets(String json, String content, String backups) {

  S3Buckets {
    Objects.requireNonNull(json, "jsonBucket");
    Objects.requireNonNull(content, "contentBucket");
    Objects.requireNonNull(backups, "backupsBucket");
  }

  static S3Buckets of(SpacesConn conn) {
    return new S3Buckets(conn.jsonBucket(), conn.contentBucket(), conn.backupsBucket());
  }

  String bucketFor(BlobArea area) {
    Objects.requireNonNull(area, "area");
    return switch (area) {
      case JSON -> json;
      case CONTENT -> content;
      case BACKUPS -> backups;
    };
  }

  static String configFieldFor(BlobArea area) {
    return switch (area) {
      case JSON -> "jsonBucket";
      case CONTENT -> "contentBucket";
      case BACKUPS -> "backupsBucket";
    };
  }

  /** Bucket name to the config field(s) naming it; a bucket shared by two areas is checked once. */
  Map<String, String> configFieldsByBucket() {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    for (BlobArea area : BlobArea.values()) {
      fields.merge(bucketFor(area), configFieldFor(area), (a, b) -> a + ", " + b);
    }
    return fields;
  }
}
