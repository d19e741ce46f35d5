package io.udm.app.write;

/**
 * Work after a version is committed (counters, dev shadows). Runs once per committed write, never
 * for a replay. A listener's failure never undoes or fails the write: the pipeline logs it and
 * moves on, so a listener must make its own effect retryable if it matters.
 */
public interface CommitListener {
  void committed(CommittedWrite write);
}
