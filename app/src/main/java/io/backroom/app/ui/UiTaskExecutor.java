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
    private final ExecutorService pool;

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
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> {
            Throwable error = task.getException();
            onFailure.accept(error instanceof Exception ex ? ex : new RuntimeException(error));
        });
        try {
            pool.execute(task);
        } catch (RejectedExecutionException e) {
            onFailure.accept(new IllegalStateException("The console is shutting down; the work was not started.", e));
        }
        return () -> task.cancel(true);
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
