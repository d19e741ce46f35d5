package io.udm.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoCredential;
import com.mongodb.MongoException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import io.udm.api.error.StorageException;
import java.io.IOException;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

class MongoErrorsTest {
  private static final ServerAddress ADDRESS = new ServerAddress("db.example.test", 27017);
  private final MongoErrors errors = new MongoErrors("mongodb://***:***@db.example.test:27017");

  @Test
  void unreachableAndBusyServersAreTransient() {
    assertThat(MongoErrors.isTransient(new MongoTimeoutException("timed out"))).isTrue();
    assertThat(MongoErrors.isTransient(new MongoSocketOpenException("refused", ADDRESS, new IOException()))).isTrue();
    assertThat(MongoErrors.isTransient(new MongoNotPrimaryException(command(10107), ADDRESS))).isTrue();
    assertThat(MongoErrors.isTransient(commandError(189))).as("primary stepped down").isTrue();
    assertThat(MongoErrors.isTransient(commandError(50))).as("time limit exceeded").isTrue();
  }

  @Test
  void aLabelMarkedRetryableIsTransient() {
    MongoException e = commandError(2);
    e.addLabel("RetryableWriteError");

    assertThat(MongoErrors.isTransient(e)).isTrue();
  }

  @Test
  void refusedCommandsAndAuthenticationAreNotTransient() {
    assertThat(MongoErrors.isTransient(commandError(2))).isFalse();
    assertThat(MongoErrors.isTransient(commandError(13))).isFalse();
    assertThat(MongoErrors.isTransient(
        new MongoSecurityException(MongoCredential.createCredential("u", "admin", "pw".toCharArray()), "auth failed")))
        .isFalse();
  }

  @Test
  void aDuplicateKeyIsToldByItsCode() {
    MongoWriteException duplicate = new MongoWriteException(
        new WriteError(11000, "anything at all", new BsonDocument()), ADDRESS, Set.of());

    assertThat(MongoErrors.isDuplicateKey(duplicate)).isTrue();
    assertThat(MongoErrors.isDuplicateKey(commandError(11000))).isTrue();
    assertThat(MongoErrors.isDuplicateKey(commandError(2))).isFalse();
  }

  @Test
  void theMessageNamesTheEndpointTheActionAndWhatToDo() {
    StorageException e = errors.translate("read the head of t/d/c/o", new MongoTimeoutException("timed out"));

    assertThat(e.isTransient()).isTrue();
    assertThat(e.getMessage())
        .contains("MongoDB at mongodb://***:***@db.example.test:27017")
        .contains("could not read the head of t/d/c/o")
        .contains("MongoTimeoutException")
        .contains("retrying later may succeed");
    assertThat(e.getCause()).isNull();
  }

  @Test
  void credentialsInTheDriversTextAreRemoved() {
    MongoException e = new MongoException("failed for mongodb://admin:s3cret@host:1/?password=s3cret&x=1");

    String message = errors.translate("ping", e).getMessage();

    assertThat(message).doesNotContain("s3cret").doesNotContain("admin:").contains("mongodb://***:***@host:1");
  }

  @Test
  void authenticationFailuresSayToCheckTheCredentials() {
    MongoException e = new MongoSecurityException(
        MongoCredential.createCredential("u", "admin", "pw".toCharArray()), "Exception authenticating");

    StorageException translated = errors.translate("answer a ping", e);

    assertThat(translated.isTransient()).isFalse();
    assertThat(translated.getMessage()).contains("check the user, password and authSource").doesNotContain("pw");
  }

  private static BsonDocument command(int code) {
    return new BsonDocument("ok", new BsonInt32(0)).append("code", new BsonInt32(code))
        .append("errmsg", new BsonString("failed with " + code));
  }

  private static MongoCommandException commandError(int code) {
    return new MongoCommandException(command(code), ADDRESS);
  }
}
