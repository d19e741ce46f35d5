package io.udm.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactionTest {
  @ParameterizedTest(name = "{0} shows as {1}")
  @CsvSource(delimiter = '|', value = {
      "mongodb://localhost:27017                          | mongodb://localhost:27017",
      "mongodb://user:pw@host:27017/db                    | mongodb://***:***@host:27017/db",
      "mongodb+srv://user:pw@cluster.example.net/?w=1     | mongodb+srv://***:***@cluster.example.net/?w=1",
      "mongodb://user:p%40ss@host                         | mongodb://***:***@host",
      "mongodb://user:p@ss@host                           | mongodb://***:***@host",
      "mongodb://user:pa/ss@host/db                       | mongodb://***:***@host/db",
      "mongodb://user:secret                              | mongodb://user:***",
      "mongodb://a:1,b:2,c                                | mongodb://a:1,b:2,c",
      "mongodb://[::1]:27017                              | mongodb://[::1]:27017",
      "user:pw@host                                       | ***:***@host",
      "mongodb://host/?tlsCertificateKeyFilePassword=pw&w=1 | mongodb://host/?tlsCertificateKeyFilePassword=***&w=1",
      "https://key:secret@s3.example.com                  | https://***:***@s3.example.com"})
  void credentialsAreMaskedAndEverythingElseIsKept(String uri, String shown) {
    assertThat(Redaction.mongoUri(uri)).isEqualTo(shown);
    assertThat(Redaction.url(uri)).isEqualTo(shown);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"jsonBuckt, jsonBucket", "retenton, retention", "HARDDELETEENABLED, hardDeleteEnabled", "ttlHour, ttlHours"})
  void aLikelyTypoSuggestsTheIntendedName(String typed, String intended) {
    assertThat(Suggestions.closest(typed, java.util.List.of("jsonBucket", "retention", "hardDeleteEnabled", "ttlHours", "on")))
        .hasValue(intended);
  }
}
