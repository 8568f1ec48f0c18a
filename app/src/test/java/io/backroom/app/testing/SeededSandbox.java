package io.backroom.app.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One console home per test JVM whose embedded sandbox is seeded with the demo retailer the first
 * time a test connects; later tests reuse it instead of seeding again (seeding takes seconds).
 */
public final class SeededSandbox {
    private static Path home;

    private SeededSandbox() {
    }

    public static synchronized Path home() {
        if (home == null) {
            try {
                home = Files.createTempDirectory("backroom-sandbox-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return home;
    }
}
