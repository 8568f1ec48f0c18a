package io.backroom.app;

import io.backroom.app.config.AppConfig;
import io.backroom.app.config.ConfigException;
import io.backroom.app.services.ConnectionStatus;
import io.backroom.app.services.audit.IntegrityReport;
import io.backroom.app.ui.BackroomApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;

/**
 * Entry point of the console. Not a subclass of {@code Application}, so that JavaFX can run from
 * the class path. Resolves settings and the log folder before anything logs.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        AppConfig config;
        try {
            config = AppConfig.resolve(List.of(args), System.getenv(), Path.of(System.getProperty("user.home")));
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (config.help()) {
            System.out.print(AppConfig.USAGE);
            return;
        }
        prepareLogging(config);
        if (config.selfCheck()) {
            System.exit(selfCheck(config));
        }
        AppContext context = new AppContext(config);
        // Start (or reach) the gateway while JavaFX starts: the window then finds it ready.
        Thread warmUp = new Thread(() -> {
            try {
                context.connect();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(Main.class).info("Gateway not reachable at start: {}", e.toString());
            }
        }, "backroom-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        BackroomApplication.prepare(context);
        Application.launch(BackroomApplication.class, args);
    }

    /** Logback reads {@code backroom.logdir} from its configuration; set it before the first logger. */
    static void prepareLogging(AppConfig config) {
        try {
            Files.createDirectories(config.logDirectory());
        } catch (IOException e) {
            System.err.println("Could not create the log folder " + config.logDirectory() + ": " + e.getMessage());
        }
        System.setProperty("backroom.logdir", config.logDirectory().toString());
    }

    static int selfCheck(AppConfig config) {
        try (AppContext context = new AppContext(config)) {
            ConnectionStatus status = context.connect();
            System.out.println("Backroom " + AppVersion.get() + " self-check");
            System.out.println("  gateway:  " + status.summary() + " (API " + status.health().apiVersion() + ")");
            System.out.println("  address:  " + status.baseUrl());
            System.out.println("  status:   " + status.health().status());
            System.out.println("  home:     " + config.home());
            IntegrityReport audit = context.audit().verify();
            System.out.println("  audit:    " + audit.summary());
            System.out.println("  outbox:   " + context.outbox().summary().text());
            var models = context.models().loaded();
            System.out.println("  models:   " + (models.isEmpty() ? context.models().problem().orElse("none loaded")
                    : models.stream().map(m -> m.name() + " " + m.version() + " (" + m.provenanceHash() + ")")
                    .collect(java.util.stream.Collectors.joining(", "))));
            return status.health().isUp() && audit.intact() && !models.isEmpty() ? 0 : 1;
        } catch (RuntimeException e) {
            System.err.println("Self-check failed: " + e.getMessage());
            return 1;
        }
    }
}
