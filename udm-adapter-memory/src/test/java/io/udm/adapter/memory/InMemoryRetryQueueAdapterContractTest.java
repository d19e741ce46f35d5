package io.udm.adapter.memory;

import io.udm.spi.RetryQueue;
import io.udm.spi.contract.RetryQueueContract;

class InMemoryRetryQueueAdapterContractTest extends RetryQueueContract {
  @Override
  protected RetryQueue newQueue() {
    return new InMemoryRetryQueueAdapter();
  }
}
