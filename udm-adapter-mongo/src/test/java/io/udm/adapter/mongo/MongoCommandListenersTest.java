package io.udm.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The command listeners of {@link MongoSettings} hear every command the storage's client sends. */
class MongoCommandListenersTest {
  @Test
  void theListenersOfTheSettingsHearTheClientsCommands() {
    List<String> heard = new CopyOnWriteArrayList<>();
    CommandListener listener = new CommandListener() {
      @Override
      public void commandStarted(CommandStartedEvent event) {
        heard.add(event.getCommandName());
      }
    };
    MongoSettings settings = InJvmMongo.settings("listened").toBuilder().addCommandListener(listener).build();

    try (InJvmMongo mongo = InJvmMongo.start(); MongoStorage storage = MongoStorage.open(mongo.uri(), settings)) {
      heard.clear();
      storage.health().ping();
      assertThat(heard).as("commands of a health check").containsExactly("ping");
    }
    assertThat(settings.toBuilder().build().commandListeners()).containsExactly(listener);
  }
}
