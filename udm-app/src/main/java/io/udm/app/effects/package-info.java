/**
 * After-commit work (counter deltas, dev shadows), applied exactly once even across crashes. The
 * version record is the outbox: the work is appended with it. The committing process applies it
 * while its claim lasts; the counters store remembers each applied version's write id until the
 * version's record says the work is done, so applying it again is refused; a sweeper claims work
 * whose claim expired (its process died or failed) and applies it the same way.
 */
package io.udm.app.effects;
