package io.backroom.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Reads a module's build version from the {@code version.properties} resource Maven filters next to
 * a class ({@code version=${project.version}}); {@code "dev"} when the resource is absent (an IDE run).
 */
public final class BuildVersion {
    private BuildVersion() {
    }

    /** The {@code version} in {@code version.properties} beside {@code anchor}, or {@code "dev"}. */
    public static String of(Class<?> anchor) {
        try (InputStream in = anchor.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
