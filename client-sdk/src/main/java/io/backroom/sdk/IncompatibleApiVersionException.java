package io.backroom.sdk;

/**
 * The gateway speaks a major version of the Ops API this SDK does not understand. Upgrade the SDK
 * (or point it at a gateway of the right generation); retrying will not help.
 */
public class IncompatibleApiVersionException extends BackroomException {
    private final String clientVersion;
    private final String serverVersion;

    /**
     * @param clientVersion the API version this client asked for
     * @param serverVersion the API version the gateway says it speaks
     */
    public IncompatibleApiVersionException(String clientVersion, String serverVersion) {
        super("The gateway speaks Ops API " + serverVersion + " but this client speaks " + clientVersion
                + "; use an SDK built for API " + majorOf(serverVersion) + ".x");
        this.clientVersion = clientVersion;
        this.serverVersion = serverVersion;
    }

    private static String majorOf(String version) {
        int dot = version.indexOf('.');
        return dot < 0 ? version : version.substring(0, dot);
    }

    /** The API version this client speaks, {@code major.minor}. */
    public String clientVersion() {
        return clientVersion;
    }

    /** The API version the gateway announced in its {@code Backroom-Api-Version} header. */
    public String serverVersion() {
        return serverVersion;
    }
}
