package io.backroom.app.services;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the gateway for its health every few seconds on its own daemon thread and reports each
 * change: up (with version), or down since when and why. The console keeps working while it is
 * down; the outbox holds decisions until it is back.
 */
public final class ConnectionMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionMonitor.class);

    private final Callable<ConnectionStatus> check;
    private final Clock clock;
    private final Consumer<State> listener;
    private final ScheduledExecutorService thread;
    private volatile State last;

    /**
     * What is known of the gateway.
     *
     * @param status  the last successful health check, or {@code null} if none yet
     * @param up      whether the last check succeeded
     * @param since   when the current state began
     * @param problem why it is down, for the log
     */
    public record State(ConnectionStatus status, boolean up, Instant since, String problem) {
    }

    public ConnectionMonitor(Callable<ConnectionStatus> check, Clock clock, Consumer<State> listener) {
        this.check = check;
        this.clock = clock;
        this.listener = listener;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "backroom-connection");
            t.setDaemon(true);
            return t;
        });
    }

    /** Checks now and then every {@code interval}. */
    public void start(Duration interval) {
        thread.scheduleWithFixedDelay(this::checkNow, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Checks once, on the calling thread, and reports a change. */
    public State checkNow() {
        State previous = last;
        State next;
        try {
            ConnectionStatus status = check.call();
            boolean up = status.health().isUp();
            boolean same = previous != null && previous.up() == up;
            next = new State(status, up, same ? previous.since() : clock.instant(), up ? null : "degraded");
        } catch (Exception e) {
            if (previous == null || previous.up()) {
                LOG.warn("The gateway stopped answering: {}", e.toString());
            }
            boolean same = previous != null && !previous.up();
            next = new State(previous == null ? null : previous.status(), false,
                    same ? previous.since() : clock.instant(), e.getMessage());
        }
        last = next;
        if (previous == null || previous.up() != next.up() || next.up() && !version(previous).equals(version(next))) {
            listener.accept(next);
        }
        return next;
    }

    private static String version(State s) {
        return s.status() == null ? "" : s.status().health().version();
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
