package io.udm.app.scan;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Walks a sorted source one page at a time, holding only the current page, and lets the caller
 * look at the next element before taking it (what merging two sorted sources needs).
 *
 * @param <T> the elements; the source resumes strictly after the last element of the previous page
 */
public final class PageCursor<T> {
  private final Function<Optional<T>, List<T>> pageAfter;
  private final int pageSize;
  private List<T> page = List.of();
  private int index;
  private boolean started;
  private boolean exhausted;

  /** {@code pageAfter} returns at most {@code pageSize} elements after the given one (from the start when empty). */
  public PageCursor(int pageSize, Function<Optional<T>, List<T>> pageAfter) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("a page cursor needs a page size of 1 or more, got " + pageSize);
    }
    this.pageSize = pageSize;
    this.pageAfter = pageAfter;
  }

  public Optional<T> peek() {
    if (index == page.size() && !exhausted) {
      Optional<T> after = started ? Optional.of(page.get(page.size() - 1)) : Optional.empty();
      started = true;
      page = pageAfter.apply(after);
      index = 0;
      // A short page is the last one; asking again would only cost a round trip.
      exhausted = page.size() < pageSize;
    }
    return index < page.size() ? Optional.of(page.get(index)) : Optional.empty();
  }

  public T next() {
    T element = peek().orElseThrow(() -> new NoSuchElementException("the cursor is past its last element"));
    index++;
    return element;
  }
}
