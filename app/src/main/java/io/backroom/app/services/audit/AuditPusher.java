package io.backroom.app.services.audit;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes the signed-in user's audit entries (their own chain) to the gateway in order, on its own daemon thread: shortly after each new
 * entry and every {@code interval} otherwise, so entries written while the gateway was away follow
 * once it is back.
 */
public final class AuditPusher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditPusher.class);
    private static final int BATCH = 200;

    private final AuditLog log;
    private final String user;
    private final AuditSink sink;
    private final ScheduledExecutorService thread;
    private volatile io.backroom.app.services.Subscription appended = () -> { };

    /** Pushes {@code user}'s entries through {@code sink}, which sends them with {@code user}'s session. */
    public AuditPusher(AuditLog log, String user, AuditSink sink) {
        this.log = log;
        this.user = user;
        this.sink = sink;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "backroom-audit-push");
            t.setDaemon(true);
            return t;
        });
    }

    /** Pushes now and then every {@code interval}; and soon after every append. */
    public void start(Duration interval) {
        thread.scheduleWithFixedDelay(this::pushQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        appended = log.onAppend(e -> pushSoon());
    }

    /** Schedules a push in a moment (batches entries written together). */
    public void pushSoon() {
        if (!thread.isShutdown()) {
            thread.schedule(this::pushQuietly, 200, TimeUnit.MILLISECONDS);
        }
    }

    private void pushQuietly() {
        try {
            long n = log.pushPending(user, sink, BATCH);
            if (n > 0) {
                LOG.debug("Pushed {} audit entries", n);
            }
        } catch (AuditSink.PushFailedException e) {
            LOG.info("Audit push waits: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Audit push failed", e);
        }
    }

    @Override
    public void close() {
        appended.cancel();
        thread.shutdownNow();
    }
}
