package io.backroom.gateway;

import io.backroom.api.BuildVersion;

/** The version of this gateway build, from the Maven project version. */
public final class GatewayVersion {
    private static final String VERSION = BuildVersion.of(GatewayVersion.class);

    private GatewayVersion() {
    }

    public static String get() {
        return VERSION;
    }
}
