package io.backroom.app.tasks;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work (SDK calls, SQLite, PDFBox, Tribuo) off the UI thread and delivers the outcome
 * back on it. View models receive one in their constructor; tests pass {@link #direct()}.
 */
public interface TaskExecutor {

    /** Runs {@code work} in the background; then {@code onSuccess} or {@code onFailure} on the UI thread. */
    <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure);

    /** Runs everything at once on the calling thread: for tests and command-line use. */
    static TaskExecutor direct() {
        return new TaskExecutor() {
            @Override
            public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            }
        };
    }
}
