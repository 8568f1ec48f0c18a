package io.backroom.gateway.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import org.slf4j.LoggerFactory;

/**
 * The standalone gateway's logging: {@code io/backroom/gateway/logback-gateway.xml}, INFO by default, the level set
 * by the system property {@code backroom.log.level} or the environment variable {@code BACKROOM_LOG_LEVEL}; every
 * line goes through {@link Redaction}; the HTTP wire loggers (Jetty) never go below INFO, whatever the level, since
 * their debug output carries raw headers and bodies. A deployment's own {@code logback.xml} or
 * {@code -Dlogback.configurationFile} takes precedence (and should use the same converters).
 */
public final class GatewayLogging {
    public static final String CONFIG = "/io/backroom/gateway/logback-gateway.xml";

    private GatewayLogging() {
    }

    /** Configures logback from the gateway's configuration unless the deployment brought its own. */
    public static void configureUnlessProvided() {
        if (System.getProperty("logback.configurationFile") != null
                || GatewayLogging.class.getClassLoader().getResource("logback.xml") != null) {
            return;
        }
        configure();
    }

    /** Configures logback from the gateway's configuration, replacing whatever was configured. */
    public static void configure() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        URL config = GatewayLogging.class.getResource(CONFIG);
        context.reset();
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(context);
        try {
            joran.doConfigure(config);
        } catch (JoranException e) {
            // top-level boundary of logging itself: report on stderr, logback falls back to its defaults
            System.err.println("Gateway logging configuration failed: " + e.getMessage());
        }
    }
}
