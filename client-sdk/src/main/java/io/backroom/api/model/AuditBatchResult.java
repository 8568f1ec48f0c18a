package io.backroom.api.model;

/**
 * What the gateway did with an audit batch.
 *
 * @param accepted     events stored now
 * @param alreadyKnown events the gateway already held, identical (a resent batch)
 * @param lastSequence the last sequence the gateway holds for the source
 * @param lastHash     the hash of that event
 */
public record AuditBatchResult(String source, int accepted, int alreadyKnown, long lastSequence, String lastHash) {
}
