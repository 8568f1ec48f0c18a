package io.backroom.sampledata.generator;

/** Receives progress of a long generation run. */
@FunctionalInterface
public interface Progress {
    /** Reports that {@code done} of {@code total} units of {@code phase} are finished. */
    void report(String phase, long done, long total);

    /** Ignores progress. */
    static Progress none() {
        return (phase, done, total) -> { };
    }
}
