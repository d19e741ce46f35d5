package io.udm.spi;

/**
 * A collection version drawn for a commit, with what the collection's counter says of its items in
 * the same reply.
 *
 * @param hardDeletesMarked whether an item of the collection was ever hard-deleted. Only a hard
 *     delete leaves heads that point at no version (a reader or a create putting a head back
 *     behind it), so a write that built on a head alone checks that head's version only where one was
 * @param rewritesBegun how many runs that remove or replace the collection's records (retention, a
 *     hard delete, a move in) have begun
 * @param rewritesEnded how many of them have ended; fewer than begun while one runs (or one died)
 * @param followsOwnDraw whether the cv before this one was drawn by the same named drawer
 *     ({@link SequenceStore#draw(io.udm.api.RouteContext, String)}); false when unknown
 */
public record CvDraw(long cv, boolean hardDeletesMarked, long rewritesBegun, long rewritesEnded,
    boolean followsOwnDraw) {
  /** A draw that says nothing of who drew the cv before it. */
  public CvDraw(long cv, boolean hardDeletesMarked, long rewritesBegun, long rewritesEnded) {
    this(cv, hardDeletesMarked, rewritesBegun, rewritesEnded, false);
  }

  /** A draw in a collection no rewrite ever touched. */
  public CvDraw(long cv, boolean hardDeletesMarked) {
    this(cv, hardDeletesMarked, 0, 0);
  }

  /** Whether no rewrite was under way when the number was drawn. */
  public boolean quiet() {
    return rewritesBegun == rewritesEnded;
  }
}
