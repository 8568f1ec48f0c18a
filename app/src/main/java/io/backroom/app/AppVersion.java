package io.backroom.app;

import io.backroom.api.BuildVersion;

/** The version of this console build, from the Maven project version. */
public final class AppVersion {
    private static final String VERSION = BuildVersion.of(AppVersion.class);

    private AppVersion() {
    }

    public static String get() {
        return VERSION;
    }
}
