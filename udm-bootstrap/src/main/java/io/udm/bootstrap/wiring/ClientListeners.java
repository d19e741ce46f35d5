package io.udm.bootstrap.wiring;

import com.mongodb.event.CommandListener;
import java.util.List;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * What the storage clients report each request they send to: {@code mongo} hear every MongoDB
 * command, {@code s3} every S3 HTTP request (each attempt of a retried one). Metrics count requests
 * with them; {@link #NONE} adds nothing to the clients.
 */
public record ClientListeners(List<CommandListener> mongo, List<ExecutionInterceptor> s3) {
  public static final ClientListeners NONE = new ClientListeners(List.of(), List.of());

  public ClientListeners {
    mongo = List.copyOf(mongo);
    s3 = List.copyOf(s3);
  }
}
