package io.backroom.gateway.erpsync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backroom.api.model.Posting;
import io.backroom.api.model.PurchaseOrderStatus;
import io.backroom.gateway.store.Sql;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The gateway's outbox to the ERP ({@code erp_outbox}): a message is written in the transaction that decided it, so
 * it exists exactly when the decision committed, and {@link OutboxSender} delivers it after commit. The message key
 * is unique (a posting's is its invoice id): one decision never queues two messages.
 */
public final class ErpOutbox {
    /** What a message asks the ERP to do. */
    public enum Kind { PURCHASE_ORDER, GOODS_RECEIPT, PURCHASE_ORDER_STATUS, POSTING }

    /** Payload of a {@link Kind#PURCHASE_ORDER_STATUS} message. */
    public record StatusChange(String purchaseOrderId, PurchaseOrderStatus status) {
    }

    /** Payload of a {@link Kind#POSTING} message. */
    public record PostingMessage(String invoiceId, Posting posting) {
    }

    /** A queued message. */
    public record Message(long seq, Kind kind, String key, String payload, Instant createdAt, int attempts) {
    }

    /** How many messages wait, how many the ERP refused, and since when the oldest waiting one waits. */
    public record Backlog(long pending, long failed, Instant oldestPending) {
    }

    private final ObjectMapper mapper;
    private final Clock clock;

    public ErpOutbox(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    void enqueue(Sql tx, Kind kind, String key, Object payload) throws SQLException {
        String json;
        try {
            json = mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        tx.update("INSERT INTO erp_outbox (kind, message_key, payload, created_at, status, attempts) "
                + "VALUES (?,?,?,?,?,0)", kind, key, json, clock.instant(), "PENDING");
    }

    /** The oldest {@code limit} messages waiting for delivery, in the order they were decided. */
    List<Message> pending(Sql tx, int limit) throws SQLException {
        return tx.query("SELECT seq, kind, message_key, payload, created_at, attempts FROM erp_outbox "
                + "WHERE status = 'PENDING' ORDER BY seq LIMIT ?", rs -> new Message(rs.getLong(1),
                Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), Sql.instant(rs, "created_at"),
                rs.getInt(6)), limit);
    }

    void delivered(Sql tx, long seq, Instant at) throws SQLException {
        tx.update("UPDATE erp_outbox SET status = 'DELIVERED', attempts = attempts + 1, delivered_at = ?, "
                + "last_error = NULL WHERE seq = ?", at, seq);
    }

    void retryLater(Sql tx, long seq, String error) throws SQLException {
        tx.update("UPDATE erp_outbox SET attempts = attempts + 1, last_error = ? WHERE seq = ?", error, seq);
    }

    void refused(Sql tx, long seq, String error) throws SQLException {
        tx.update("UPDATE erp_outbox SET status = 'FAILED', attempts = attempts + 1, last_error = ? WHERE seq = ?",
                error, seq);
    }

    /** Records the ERP's acknowledgement of a posting. */
    void acknowledged(Sql tx, String invoiceId, String erpReference, Instant at) throws SQLException {
        tx.update("UPDATE ap_postings SET erp_reference = ?, acknowledged_at = ? WHERE invoice_id = ?", erpReference,
                at, invoiceId);
    }

    /** Forgets messages the ERP acknowledged before {@code before}; returns how many. */
    public int purgeDelivered(Sql tx, Instant before) throws SQLException {
        return tx.update("DELETE FROM erp_outbox WHERE status = 'DELIVERED' AND delivered_at < ?", before);
    }

    public Backlog backlog(Sql tx) throws SQLException {
        long pending = tx.count("SELECT COUNT(*) FROM erp_outbox WHERE status = 'PENDING'");
        long failed = tx.count("SELECT COUNT(*) FROM erp_outbox WHERE status = 'FAILED'");
        Optional<Instant> oldest = tx.one("SELECT created_at FROM erp_outbox WHERE status = 'PENDING' ORDER BY seq "
                + "LIMIT 1", rs -> Sql.instant(rs, "created_at"));
        return new Backlog(pending, failed, oldest.orElse(null));
    }

    <T> T payload(Message m, Class<T> type) {
        try {
            return mapper.readValue(m.payload(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Outbox message " + m.seq() + " is unreadable", e);
        }
    }
}
