package io.udm.bootstrap.metrics;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts every HTTP request an S3 client sends, each attempt of a retried one included. An attempt
 * that got a response counts when the response arrives: ok for a 2xx status, error otherwise (a 404
 * too: the store answered, but not with the object). One that got no response (a dropped connection,
 * a timeout) counts as an error when the next attempt is sent or the execution fails.
 */
final class S3RequestMeter implements ExecutionInterceptor {
  private static final ExecutionAttribute<Attempt> ATTEMPT = new ExecutionAttribute<>("udm.storage.requests.attempt");

  /** The latest attempt of one execution: when it was sent, and whether it still waits for a response. */
  private static final class Attempt {
    long sentAt;
    boolean unanswered;
  }

  private final StorageRequests requests;

  S3RequestMeter(StorageRequests requests) {
    this.requests = requests;
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    Attempt attempt = attributes.getAttribute(ATTEMPT);
    if (attempt == null) {
      attempt = new Attempt();
      attributes.putAttribute(ATTEMPT, attempt);
    } else {
      countIfUnanswered(attempt, attributes);
    }
    attempt.sentAt = System.nanoTime();
    attempt.unanswered = true;
  }

  @Override
  public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
    Attempt attempt = attributes.getAttribute(ATTEMPT);
    if (attempt != null && attempt.unanswered) {
      attempt.unanswered = false;
      record(attributes, context.httpResponse().isSuccessful(), attempt);
    }
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    Attempt attempt = attributes.getAttribute(ATTEMPT);
    if (attempt != null) {
      countIfUnanswered(attempt, attributes);
    }
  }

  private void countIfUnanswered(Attempt attempt, ExecutionAttributes attributes) {
    if (attempt.unanswered) {
      attempt.unanswered = false;
      record(attributes, false, attempt);
    }
  }

  private void record(ExecutionAttributes attributes, boolean succeeded, Attempt attempt) {
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    requests.record(StorageRequests.S3, operation == null ? "unknown" : operation, succeeded,
        System.nanoTime() - attempt.sentAt);
  }
}
