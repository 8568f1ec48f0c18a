package io.backroom.gateway.erpsync;

import io.backroom.api.model.GoodsReceipt;
import io.backroom.api.model.Posting;
import io.backroom.api.model.PurchaseOrder;
import io.backroom.gateway.core.erp.ErpException;
import io.backroom.gateway.core.erp.ErpPort;
import io.backroom.gateway.core.erp.ErpUnavailableException;
import io.backroom.gateway.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the {@link ErpOutbox} to the ERP on a thread of its own, after commit, in the order the messages were
 * decided. A message the ERP cannot take now ({@link ErpUnavailableException}, or any unexpected failure) stays at
 * the head of the queue and is retried with capped exponential backoff until the ERP acknowledges it; nothing
 * behind it overtakes it (a goods receipt never reaches the ERP before its purchase order). A message the ERP
 * refuses ({@link ErpException}) is parked as FAILED, logged and counted by health. A delivery whose
 * acknowledgement was lost is sent again; the ERP applies it once (every ERP write is idempotent by key).
 */
public final class OutboxSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 200;

    /** The ERP as the sender last saw it. */
    public enum State { UP, UNAVAILABLE }

    /** Retry delays: {@code first}, doubled after each failure, at most {@code max}. */
    public record Backoff(Duration first, Duration max) {
        public static Backoff defaults() {
            return new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30));
        }

        Duration after(int failures) {
            long millis = first.toMillis() << Math.min(20, Math.max(0, failures - 1));
            return Duration.ofMillis(Math.min(max.toMillis(), millis));
        }
    }

    private final Database db;
    private final ErpOutbox outbox;
    private final ErpPort erp;
    private final Clock clock;
    private final Backoff backoff;
    private final Thread thread;
    private final Object wake = new Object();
    private volatile boolean running = true;
    private volatile State state = State.UP;
    private int failures;

    public OutboxSender(Database db, ErpOutbox outbox, ErpPort erp, Clock clock, Backoff backoff) {
        this.db = db;
        this.outbox = outbox;
        this.erp = erp;
        this.clock = clock;
        this.backoff = backoff;
        this.thread = new Thread(this::loop, "erp-outbox");
        this.thread.setDaemon(true);
    }

    public OutboxSender start() {
        thread.start();
        return this;
    }

    /** Whether the last delivery attempt reached the ERP. */
    public State state() {
        return state;
    }

    /** Asks the sender to look at the outbox now instead of at its next poll. */
    public void wake() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            Duration pause;
            try {
                pause = deliverSome();
            } catch (RuntimeException e) {
                // top-level boundary of the sender thread (the gateway's own database failed): retry later
                LOG.warn("Reading the ERP outbox failed: {}", e.getMessage());
                pause = backoff.max();
            }
            if (pause.isZero()) {
                continue;
            }
            synchronized (wake) {
                if (!running) {
                    break;
                }
                try {
                    wake.wait(pause.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Delivers a batch; returns how long to wait before the next one (zero: more is waiting). */
    Duration deliverSome() {
        if (!db.holdsLease("erp-outbox")) {
            return Duration.ofSeconds(1); // another gateway on this database delivers the outbox, in order
        }
        List<ErpOutbox.Message> batch = db.read(tx -> outbox.pending(tx, BATCH));
        if (batch.isEmpty()) {
            return Duration.ofMillis(100);
        }
        List<Outcome> outcomes = new ArrayList<>();
        boolean blocked = false;
        for (ErpOutbox.Message m : batch) {
            if (!running) {
                break;
            }
            Outcome o = deliver(m);
            outcomes.add(o);
            if (o.retry) {
                blocked = true;
                break;
            }
        }
        db.write(tx -> {
            Instant now = clock.instant();
            for (Outcome o : outcomes) {
                if (o.retry) {
                    outbox.retryLater(tx, o.message.seq(), o.error);
                } else if (o.error != null) {
                    outbox.refused(tx, o.message.seq(), o.error);
                } else {
                    outbox.delivered(tx, o.message.seq(), now);
                    if (o.posting != null) {
                        outbox.acknowledged(tx, o.postingInvoice, o.posting.id(), now);
                    }
                }
            }
            return null;
        });
        if (blocked) {
            failures++;
            return backoff.after(failures);
        }
        failures = 0;
        return batch.size() < BATCH ? Duration.ofMillis(100) : Duration.ZERO;
    }

    private static final class Outcome {
        final ErpOutbox.Message message;
        boolean retry;
        String error;
        Posting posting;
        String postingInvoice;

        Outcome(ErpOutbox.Message message) {
            this.message = message;
        }
    }

    private Outcome deliver(ErpOutbox.Message m) {
        Outcome o = new Outcome(m);
        try {
            switch (m.kind()) {
                case PURCHASE_ORDER -> erp.putPurchaseOrder(outbox.payload(m, PurchaseOrder.class));
                case GOODS_RECEIPT -> erp.putGoodsReceipt(outbox.payload(m, GoodsReceipt.class));
                case PURCHASE_ORDER_STATUS -> {
                    ErpOutbox.StatusChange c = outbox.payload(m, ErpOutbox.StatusChange.class);
                    erp.setPurchaseOrderStatus(c.purchaseOrderId(), c.status());
                }
                case POSTING -> {
                    ErpOutbox.PostingMessage p = outbox.payload(m, ErpOutbox.PostingMessage.class);
                    o.posting = erp.post(p.invoiceId(), p.posting());
                    o.postingInvoice = p.invoiceId();
                }
                default -> throw new IllegalStateException(m.kind().name());
            }
            if (state != State.UP) {
                LOG.info("The ERP ({}) acknowledges again; delivering the outbox", erp.name());
            }
            state = State.UP;
        } catch (ErpUnavailableException e) {
            unavailable(o, e);
        } catch (ErpException e) {
            o.error = e.getMessage();
            LOG.error("The ERP refused outbox message {} ({} {}): {}", m.seq(), m.kind(), m.key(), e.getMessage());
        } catch (RuntimeException e) {
            // an adapter failing in an unexpected way is treated as unavailable: the message is kept and retried
            unavailable(o, e);
        }
        return o;
    }

    private void unavailable(Outcome o, RuntimeException e) {
        o.retry = true;
        o.error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (state != State.UNAVAILABLE) {
            LOG.warn("The ERP ({}) is unavailable; outbox message {} ({}) waits: {}", erp.name(), o.message.seq(),
                    o.message.key(), o.error);
        }
        state = State.UNAVAILABLE;
    }

    @Override
    public void close() {
        running = false;
        wake();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
