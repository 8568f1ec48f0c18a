package io.backroom.app.services.invoices;

import io.backroom.api.model.ChangeEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the gateway's change feed on its own daemon thread and reports invoice changes (new
 * holds, decisions by others), so the queue refreshes without a manual reload. It starts at the
 * end of the feed: what happened before is already in the first load.
 */
public final class ChangeFeedWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeedWatcher.class);

    private final InvoiceQueueService queue;
    private final Consumer<List<ChangeEvent>> onInvoiceChanges;
    private final ScheduledExecutorService thread;
    private volatile String cursor;
    private volatile boolean atEnd;
    private java.util.concurrent.ScheduledFuture<?> polling;

    public ChangeFeedWatcher(InvoiceQueueService queue, Consumer<List<ChangeEvent>> onInvoiceChanges) {
        this.queue = queue;
        this.onInvoiceChanges = onInvoiceChanges;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "backroom-change-feed");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Polls every {@code interval} until {@link #stop()}; does nothing while already polling. After a
     * stop it continues from where it stopped (its owner reloads on showing again, so what happened
     * meanwhile is reported at most once more).
     */
    public synchronized void start(Duration interval) {
        if (running() || thread.isShutdown()) {
            return;
        }
        polling = thread.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops polling (a poll under way finishes; nothing is reported after it). */
    public synchronized void stop() {
        if (polling != null) {
            polling.cancel(false);
            polling = null;
        }
    }

    /** Whether it polls now. */
    public synchronized boolean running() {
        return polling != null && !polling.isDone();
    }

    void poll() {
        try {
            while (true) {
                InvoiceQueueService.Changes changes = queue.changesAfter(cursor);
                cursor = changes.cursor();
                if (changes.events().isEmpty()) {
                    atEnd = true;
                    return;
                }
                List<ChangeEvent> invoices = changes.events().stream()
                        .filter(e -> "invoice".equals(e.resourceType())).toList();
                if (atEnd && !invoices.isEmpty() && running()) {
                    onInvoiceChanges.accept(invoices);
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("Change feed not readable now: {}", e.toString());
        }
    }

    @Override
    public void close() {
        stop();
        thread.shutdownNow();
    }
}
