package io.udm.cli;

import io.udm.api.Progress;
import io.udm.api.ProgressListener;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a long command's progress on stderr, never on stdout (which stays pure data): a progress
 * bar (done / total when known, rate, ETA) when stderr is a terminal, one plain line every {@code
 * lineEvery} units when it is not, nothing with {@code --quiet}. A change of task (gc sweeps
 * payloads, then content) starts a new bar or line series.
 */
abstract class ProgressDisplay implements ProgressListener, AutoCloseable {
  enum Mode { BAR, LINES, NONE }

  static ProgressDisplay of(Mode mode, PrintWriter err, long lineEvery) {
    return switch (mode) {
      case BAR -> new Bar(System.err);
      case LINES -> new Lines(err, lineEvery);
      case NONE -> none();
    };
  }

  /** Shows nothing: for a command whose run is short (list without --all). */
  static ProgressDisplay none() {
    return new Silent();
  }

  /** A line about what is happening besides the count (a rebalance step, the queue's state). */
  abstract void note(String line);

  @Override
  public abstract void close();

  private static final class Silent extends ProgressDisplay {
    @Override
    public void onProgress(Progress progress) {}

    @Override
    void note(String line) {}

    @Override
    public void close() {}
  }

  /** A bar drawn by the progress-bar library; it redraws from its own thread, so reporting is cheap. */
  private static final class Bar extends ProgressDisplay {
    private final PrintStream err;
    private ProgressBar bar;
    private String task;

    Bar(PrintStream err) {
      this.err = err;
    }

    @Override
    public synchronized void onProgress(Progress progress) {
      if (bar == null || !progress.task().equals(task)) {
        close();
        task = progress.task();
        bar = new ProgressBarBuilder()
            .setTaskName(progress.task())
            .setInitialMax(progress.total().orElse(-1))
            .setUnit(" " + progress.unit(), 1)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(200)
            .showSpeed()
            .setConsumer(new ConsoleProgressBarConsumer(err))
            .build();
      }
      progress.total().ifPresent(bar::maxHint);
      bar.stepTo(progress.done());
    }

    @Override
    synchronized void note(String line) {
      if (bar != null) {
        bar.setExtraMessage(line);
      } else {
        err.println(line);
      }
    }

    @Override
    public synchronized void close() {
      if (bar != null) {
        bar.close();
        bar = null;
      }
    }
  }

  /** Plain lines for logs and pipes: one every {@code every} units, and one when a task ends. */
  private static final class Lines extends ProgressDisplay {
    private final PrintWriter err;
    private final long every;
    private Progress last;
    private long startedAt;
    private long lastLineAt;

    Lines(PrintWriter err, long every) {
      this.err = err;
      this.every = every;
    }

    @Override
    public synchronized void onProgress(Progress progress) {
      if (last != null && !last.task().equals(progress.task())) {
        finish();
      }
      if (last == null) {
        startedAt = System.nanoTime();
        lastLineAt = 0;
      }
      last = progress;
      if (progress.done() / every > lastLineAt / every) {
        lastLineAt = progress.done();
        print(progress, false);
      }
    }

    @Override
    synchronized void note(String line) {
      err.println(line);
      err.flush();
    }

    @Override
    public synchronized void close() {
      finish();
    }

    private void finish() {
      if (last != null) {
        print(last, true);
        last = null;
      }
    }

    private void print(Progress p, boolean done) {
      Duration took = Duration.ofNanos(System.nanoTime() - startedAt);
      double seconds = Math.max(took.toMillis(), 1) / 1000.0;
      String count = p.total().isPresent() ? p.done() + "/" + p.total().getAsLong() : String.valueOf(p.done());
      err.printf("%s: %s %s%s (%.0f/s)%n", p.task(), count, p.unit(),
          done ? String.format(" in %.1f s", seconds) : "", p.done() / seconds);
      err.flush();
    }
  }
}
