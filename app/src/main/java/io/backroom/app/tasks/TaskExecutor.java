package io.backroom.app.tasks;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work (SDK calls, SQLite, PDFBox, Tribuo) off the UI thread and delivers the outcome
 * back on it. View models receive one in their constructor; tests pass {@link #direct()}.
 */
public interface TaskExecutor {

    /**
     * Runs {@code work} in the background; then {@code onSuccess} or {@code onFailure} on the UI
     * thread. The returned handle cancels it: a cancelled task reports neither outcome.
     */
    <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure);

    /** Runs {@code action} on the UI thread (now, if already there): for events pushed by services. */
    void onUi(Runnable action);

    /** Runs everything at once on the calling thread: for tests and command-line use. */
    static TaskExecutor direct() {
        return new TaskExecutor() {
            @Override
            public <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess,
                                          Consumer<? super Exception> onFailure) {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return () -> false;
                }
                onSuccess.accept(result);
                return () -> false;
            }

            @Override
            public void onUi(Runnable action) {
                action.run();
            }
        };
    }

    /** A handle on submitted work. */
    @FunctionalInterface
    interface Cancellable {
        /** Cancels the work if it has not finished; returns whether it was cancelled. */
        boolean cancel();
    }
}
