package io.udm.adapter.s3;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** Records every request a client sends, so tests can count round trips and chunk sizes. */
final class RecordingInterceptor implements ExecutionInterceptor {
  private final List<SdkRequest> requests = new CopyOnWriteArrayList<>();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    requests.add(context.request());
  }

  <T extends SdkRequest> List<T> requestsOf(Class<T> type) {
    return requests.stream().filter(type::isInstance).map(type::cast).toList();
  }

  void clear() {
    requests.clear();
  }
}
