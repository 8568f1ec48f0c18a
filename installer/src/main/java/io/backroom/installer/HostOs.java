package io.backroom.installer;

import java.util.Locale;

/** The operating system jpackage builds for: always the one it runs on. */
public enum HostOs {
    LINUX, WINDOWS, MAC;

    /** The system this JVM runs on. */
    public static HostOs current() {
        String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return WINDOWS;
        }
        if (name.startsWith("mac")) {
            return MAC;
        }
        return LINUX;
    }

    /** File name of the app-image launcher, relative to the app-image folder. */
    public String launcher(String appName) {
        return switch (this) {
            case WINDOWS -> appName + ".exe";
            case MAC -> "Contents/MacOS/" + appName;
            case LINUX -> "bin/" + appName;
        };
    }

    /** Folder of the app-image's runtime, relative to the app-image folder. */
    public String runtimeDir() {
        return this == MAC ? "Contents/runtime/Contents/Home" : (this == WINDOWS ? "runtime" : "lib/runtime");
    }

    /** Folder of a linked runtime where native libraries are looked up ({@code bin} on Windows). */
    public String nativeLibDir() {
        return this == WINDOWS ? "bin" : "lib";
    }

    /** File name ending of native libraries. */
    public String nativeLibSuffix() {
        return switch (this) {
            case WINDOWS -> ".dll";
            case MAC -> ".dylib";
            case LINUX -> ".so";
        };
    }

    /** The installer types jpackage can build here. */
    public boolean canBuild(String type) {
        return switch (type) {
            case "app-image" -> true;
            case "deb", "rpm" -> this == LINUX;
            case "msi", "exe" -> this == WINDOWS;
            case "dmg", "pkg" -> this == MAC;
            default -> false;
        };
    }
}
