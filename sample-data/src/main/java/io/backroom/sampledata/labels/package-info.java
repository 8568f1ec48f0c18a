/**
 * Ground truth, written under {@code labels/} apart from the data: what problem or fraud was injected, why, and
 * what the right resolution is. A model must never be fed these as features.
 */
package io.backroom.sampledata.labels;
