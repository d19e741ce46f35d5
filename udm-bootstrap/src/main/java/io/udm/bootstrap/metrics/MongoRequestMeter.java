package io.udm.bootstrap.metrics;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import java.util.concurrent.TimeUnit;

/**
 * Counts every command a MongoDB client sends, each retry of a retryable write or read included,
 * when its reply arrives or it fails. The driver publishes no events for its connection handshakes
 * and server monitoring (those run on monitor connections without listeners), so only UDM's own
 * commands are counted. A command the server answered {@code ok: 1} counts as ok, even when it reports
 * write errors (a duplicate key is an answer UDM's protocols expect).
 */
final class MongoRequestMeter implements CommandListener {
  private final StorageRequests requests;

  MongoRequestMeter(StorageRequests requests) {
    this.requests = requests;
  }

  @Override
  public void commandSucceeded(CommandSucceededEvent event) {
    requests.record(StorageRequests.MONGO, event.getCommandName(), true, event.getElapsedTime(TimeUnit.NANOSECONDS));
  }

  @Override
  public void commandFailed(CommandFailedEvent event) {
    requests.record(StorageRequests.MONGO, event.getCommandName(), false, event.getElapsedTime(TimeUnit.NANOSECONDS));
  }
}
