package io.udm.adapter.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

class S3SettingsTest {
  @Test
  void defaultsArePortableAndNeverCreateBuckets() {
    S3Settings defaults = S3Settings.defaults();

    assertThat(defaults.createBucketsIfMissing()).isFalse();
    assertThat(defaults.checksumPolicy()).isEqualTo(S3Settings.ChecksumPolicy.WHEN_REQUIRED);
    assertThat(defaults.maxAttempts()).isPositive();
    assertThat(defaults.maxConnections()).isPositive();
  }

  @Test
  void toBuilderKeepsEveryValue() {
    S3Settings custom =
        S3Settings.builder()
            .connectTimeout(Duration.ofMillis(1500))
            .socketTimeout(Duration.ofSeconds(9))
            .maxConnections(7)
            .maxAttempts(2)
            .createBucketsIfMissing(true)
            .checksumPolicy(S3Settings.ChecksumPolicy.WHEN_SUPPORTED)
            .addExecutionInterceptor(new ExecutionInterceptor() {})
            .build();

    assertThat(custom.toBuilder().build()).isEqualTo(custom);
    assertThat(custom.executionInterceptors()).hasSize(1);
  }

  @Test
  void rejectsValuesThatCannotWork() {
    assertThatThrownBy(() -> S3Settings.builder().connectTimeout(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("connectTimeout");
    assertThatThrownBy(() -> S3Settings.builder().maxConnections(0).build()).hasMessageContaining("maxConnections");
    assertThatThrownBy(() -> S3Settings.builder().maxAttempts(0).build()).hasMessageContaining("maxAttempts");
  }
}
