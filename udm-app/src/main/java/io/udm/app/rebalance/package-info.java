/**
 * Moving collections between backend pairs online: planning from placements, the per-collection
 * move (copy, catch up, fence, check, switch) whose state lives in the placement so a crashed run
 * resumes, and the removal of a moved collection's former copy after its grace period.
 */
package io.udm.app.rebalance;
