package io.backroom.app.ui;

import io.backroom.app.tasks.TaskExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;

/** The JavaFX implementation of {@link TaskExecutor}: one pool of daemon threads, results on the FX thread. */
public final class UiTaskExecutor implements TaskExecutor, AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(UiTaskExecutor.class);
    /** A result handler on the FX thread longer than this is logged: the window would stutter. */
    private static final long BUDGET_MILLIS = 100;
    private final ExecutorService pool;
    private final java.util.concurrent.atomic.AtomicLong longestNanos = new java.util.concurrent.atomic.AtomicLong();

    public UiTaskExecutor() {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "backroom-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> timed(work, () -> onSuccess.accept(task.getValue())));
        task.setOnFailed(e -> {
            Throwable error = task.getException();
            timed(work, () -> onFailure.accept(error instanceof Exception ex ? ex : new RuntimeException(error)));
        });
        try {
            pool.execute(task);
        } catch (RejectedExecutionException e) {
            onFailure.accept(new IllegalStateException("The console is shutting down; the work was not started.", e));
        }
        return () -> task.cancel(true);
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private void timed(Object work, Runnable handler) {
        long started = System.nanoTime();
        long cpu = THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
        try {
            handler.run();
        } finally {
            long took = System.nanoTime() - started;
            // The budget counts the FX thread's own CPU time: the work it did, not the time it waited for a core.
            long worked = cpu < 0 ? took : THREADS.getCurrentThreadCpuTime() - cpu;
            longestNanos.accumulateAndGet(worked, Math::max);
            if (took > BUDGET_MILLIS * 1_000_000) {
                LOG.warn("A result handler held the FX thread for {} ms (budget {} ms): {}", took / 1_000_000, BUDGET_MILLIS,
                        work.getClass().getName());
            }
        }
    }

    /**
     * The most CPU time one result handler spent on the FX thread since the last {@link #resetLongest()}, in
     * milliseconds (wall time where the JVM cannot measure a thread's CPU time).
     */
    public double longestHandlerMillis() {
        return longestNanos.get() / 1e6;
    }

    public void resetLongest() {
        longestNanos.set(0);
    }

    @Override
    public void onUi(Runnable action) {
        onFxThread(action);
    }

    /** Runs on the FX thread, now if already there. */
    public static void onFxThread(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    /** Lets queued work (such as saving the window's bounds) finish for up to two seconds, then stops. */
    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(2, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
