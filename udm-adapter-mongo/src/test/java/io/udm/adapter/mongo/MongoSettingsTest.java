package io.udm.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import io.udm.api.error.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MongoSettingsTest {
  @Test
  void theDefaultsAreDurableAndFailFast() {
    MongoSettings settings = MongoSettings.defaults();

    assertThat(settings.databaseName()).isEqualTo("udm");
    assertThat(settings.writeConcern()).isEqualTo(WriteConcern.MAJORITY);
    assertThat(settings.readConcern()).isEqualTo(ReadConcern.MAJORITY);
    assertThat(settings.retryWrites()).isTrue();
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.serverSelectionTimeout()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void everySettingCanBeChangedAndCopied() {
    MongoSettings settings = MongoSettings.builder()
        .databaseName("udm_counters").writeConcern(WriteConcern.W1).readConcern(ReadConcern.LOCAL).retryWrites(false)
        .connectTimeout(Duration.ofMillis(500)).serverSelectionTimeout(Duration.ofSeconds(2))
        .socketTimeout(Duration.ofSeconds(5)).maxPoolSize(7).applicationName("cli").build();

    MongoSettings copy = settings.toBuilder().build();

    assertThat(copy.databaseName()).isEqualTo("udm_counters");
    assertThat(copy.writeConcern()).isEqualTo(WriteConcern.W1);
    assertThat(copy.readConcern()).isEqualTo(ReadConcern.LOCAL);
    assertThat(copy.retryWrites()).isFalse();
    assertThat(copy.connectTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(copy.serverSelectionTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(copy.socketTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(copy.maxPoolSize()).isEqualTo(7);
    assertThat(copy.applicationName()).isEqualTo("cli");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a.b", "a/b", "with space", "dollar$", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
  void aDatabaseNameMongoDbWouldRefuseIsRejected(String name) {
    assertThatThrownBy(() -> MongoSettings.builder().databaseName(name).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("database name");
  }

  @Test
  void timeoutsMustBePositive() {
    assertThatThrownBy(() -> MongoSettings.builder().connectTimeout(Duration.ZERO).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("connectTimeout");
  }
}
