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
 * Delivers the outbox in the background, one command at a time in queue order, each through the
 * {@link CommandSender} registered for its kind, on its own daemon thread. Transient failures wait with {@link Backoff}; conflicts and refusals wait for a
 * person. {@link #wake()} after an enqueue sends at once; otherwise it wakes when the next retry is due.
 */
public final class OutboxSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    private final CommandOutbox outbox;
    private final CommandSenders senders;
    private final Backoff backoff;
    private final Clock clock;
    private final ScheduledExecutorService thread;
    private ScheduledFuture<?> scheduled;

    /** Sends only the invoice decisions of {@code outbox}, through {@code sender}. */
    public OutboxSender(DecisionOutbox outbox, DecisionSender sender, Backoff backoff, Clock clock) {
        this(outbox.commands(), CommandSenders.of(InvoiceDecisions.KIND, sender), backoff, clock);
    }

    /**
     * @param outbox  the commands to send (narrowed to the signed-in user: each is sent with its own user's session)
     * @param senders the sender of each kind; read on every pass, so a sender registered later is used from then on
     */
    public OutboxSender(CommandOutbox outbox, CommandSenders senders, Backoff backoff, Clock clock) {
        this.outbox = outbox;
        this.senders = senders;
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
            LOG.info("Outbox: {} command(s) interrupted mid-send will be sent again with their original keys", recovered);
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
        Optional<Instant> due = outbox.nextDue(senders.kinds());
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
     * Sends every command due now, one after another, on the calling thread. Returns how many
     * were attempted. Used by the background thread and by tests and benchmarks.
     */
    public int drainDue() {
        int attempted = 0;
        Optional<OutboxItem> next;
        while ((next = outbox.claimNext(clock.instant(), senders.kinds())).isPresent()) {
            OutboxItem item = next.get();
            SendOutcome outcome = senders.forKind(item.kind())
                    .map(s -> s.send(item))
                    .orElseGet(() -> new SendOutcome.RetryLater("no sender for " + item.kind() + " commands now", null));
            Instant retryAt = null;
            if (outcome instanceof SendOutcome.RetryLater later) {
                retryAt = clock.instant().plus(backoff.after(item.attempts(), later.retryAfter()));
                LOG.info("Outbox: {} {} on {} {} not delivered ({}); next try at {}", item.kind(),
                        item.id(), item.command().subject(), item.command().target(), later.reason(), retryAt);
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
