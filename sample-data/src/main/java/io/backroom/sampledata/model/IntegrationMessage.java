package io.backroom.sampledata.model;

import java.time.Instant;

/**
 * One middleware message. {@code latencyMillis} is from creation to delivery ({@code null} if never delivered);
 * {@code errorCode}/{@code errorText} describe the last failure.
 *
 * @param businessKey the document it carries, e.g. a PO number, invoice id or {@code storeId/date}
 */
public record IntegrationMessage(String id, IntegrationFlow flow, String source, String target,
        String messageType, String businessKey, Instant createdAt, MessageStatus status, int attempts,
        Instant lastAttemptAt, Long latencyMillis, String errorCode, String errorText, int payloadBytes) {
}
