package io.backroom.app.tasks;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catches slow work (SDK calls, SQLite, PDFBox, Tribuo) started on the UI thread. Services call
 * {@link #check(String)} before such work; the UI installs a detector for its own thread
 * ({@code Platform::isFxApplicationThread}) at start-up. Under tests (system property
 * {@code backroom.strictThreads=true}) a violation throws, so any flow that blocks the UI fails;
 * in production it is logged with its stack so the clerk's window is not torn down for it.
 */
public final class BlockingWorkGuard {
    private static final Logger LOG = LoggerFactory.getLogger(BlockingWorkGuard.class);
    private static volatile BooleanSupplier onUiThread = () -> false;

    private BlockingWorkGuard() {
    }

    /** Tells the guard how to recognise the UI thread. */
    public static void install(BooleanSupplier uiThreadDetector) {
        onUiThread = Objects.requireNonNull(uiThreadDetector);
    }

    /** Whether violations throw (tests) instead of being logged (production). */
    public static boolean strict() {
        return Boolean.getBoolean("backroom.strictThreads");
    }

    /**
     * Fails (strict) or logs when called on the UI thread.
     *
     * @param what the slow work about to run, for example "SQLite" or "PDF rendering"
     */
    public static void check(String what) {
        if (onUiThread.getAsBoolean()) {
            UiThreadViolation violation = new UiThreadViolation(what);
            if (strict()) {
                throw violation;
            }
            LOG.error("Slow work on the UI thread", violation);
        }
    }

    /** Slow work was started on the UI thread. */
    public static final class UiThreadViolation extends IllegalStateException {
        UiThreadViolation(String what) {
            super(what + " ran on the UI thread; submit it through the TaskExecutor instead.");
        }
    }
}
