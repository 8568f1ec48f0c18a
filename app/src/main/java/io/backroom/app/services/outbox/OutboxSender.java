package io.backroom.app.services.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox in the background, one decision at a time in queue order, on its own
 * daemon thread. Transient failures wait with {@link Backoff}; conflicts and refusals wait for a
 * person. {@link #wake()} after an enqueue sends at once; otherwise it wakes when the next retry is due.
 */
public final class OutboxSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    private final DecisionOutbox outbox;
    private final DecisionSender sender;
    private final Backoff backoff;
    private final Clock clock;
    private final ScheduledExecutorService thread;
    private ScheduledFuture<?> scheduled;

    public OutboxSender(DecisionOutbox outbox, DecisionSender sender, Backoff backoff, Clock clock) {
        this.outbox = outbox;
        this.sender = sender;
        this.backoff = backoff;
        this.clock = clock;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "backroom-outbox");
            t.setDaemon(true);
            return t;
        });
    }

    /** Recovers what a crash left mid-send, then starts sending. */
    public void start() {
        int recovered = outbox.recoverInterrupted();
        if (recovered > 0) {
            LOG.info("Outbox: {} decision(s) interrupted mid-send will be sent again with their original keys", recovered);
        }
        wake();
    }

    /** Sends what is due now (call after queueing a decision or when the gateway is back). */
    public synchronized void wake() {
        if (thread.isShutdown()) {
            return;
        }
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        scheduled = thread.schedule(this::drainAndReschedule, 0, TimeUnit.MILLISECONDS);
    }

    private void drainAndReschedule() {
        try {
            drainDue();
        } catch (RuntimeException e) {
            LOG.error("Outbox sender stopped on an unexpected error; it retries in 5 s", e);
            reschedule(Duration.ofSeconds(5));
            return;
        }
        Optional<Instant> due = outbox.nextDue();
        due.ifPresent(at -> reschedule(Duration.between(clock.instant(), at)));
    }

    private synchronized void reschedule(Duration delay) {
        if (thread.isShutdown()) {
            return;
        }
        long millis = Math.max(0, delay.toMillis());
        scheduled = thread.schedule(this::drainAndReschedule, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Sends every decision due now, one after another, on the calling thread. Returns how many
     * were attempted. Used by the background thread and by tests and benchmarks.
     */
    public int drainDue() {
        int attempted = 0;
        Optional<OutboxItem> next;
        while ((next = outbox.claimNext(clock.instant())).isPresent()) {
            OutboxItem item = next.get();
            SendOutcome outcome = sender.send(item);
            Instant retryAt = null;
            if (outcome instanceof SendOutcome.RetryLater later) {
                retryAt = clock.instant().plus(backoff.after(item.attempts(), later.retryAfter()));
                LOG.info("Outbox: decision {} on invoice {} not delivered ({}); next try at {}",
                        item.id(), item.decision().invoiceId(), later.reason(), retryAt);
            }
            outbox.complete(item.id(), outcome, retryAt);
            attempted++;
        }
        return attempted;
    }

    @Override
    public synchronized void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
