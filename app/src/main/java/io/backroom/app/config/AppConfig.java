package io.backroom.app.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The console's settings, resolved once at start-up with this precedence:
 * command-line flags &gt; environment ({@code BACKROOM_*}) &gt; {@code <home>/config.properties} &gt; defaults.
 *
 * @param home      the per-user Backroom folder (logs, local store, embedded sandbox)
 * @param server    a remote gateway; empty to start the embedded sandbox
 * @param theme     {@code light} or {@code dark}
 * @param themeSet  whether a flag, the environment or the config file chose the theme (otherwise the
 *                  theme the user last picked in the console is used)
 * @param help      {@code --help} was given
 * @param selfCheck {@code --self-check} was given: check the gateway and exit without a window
 */
public record AppConfig(Path home, Optional<URI> server, String theme, boolean themeSet, boolean help,
                        boolean selfCheck) {

    /** This configuration with the remote gateway at {@code address} (checked as {@code --server} is). */
    public AppConfig withServer(String address) {
        return new AppConfig(home, Optional.of(serverUri(address == null ? "" : address.strip())), theme, themeSet, help,
                selfCheck);
    }

    public static final String USAGE = """
            Usage: backroom [options]

              --server URL     use the gateway at URL instead of starting the embedded sandbox
                               (env BACKROOM_SERVER, config key 'server')
              --home DIR       per-user folder for logs, local data and the sandbox
                               (env BACKROOM_HOME; default ~/.backroom)
              --theme NAME     light or dark (env BACKROOM_THEME, config key 'theme'; default: the last one picked)
              --self-check     start or reach the gateway, call it through the SDK, print the
                               result and exit without opening a window (exit code 0 when healthy)
              --help           print this help and exit

            Settings are read from command-line flags, then BACKROOM_* environment variables,
            then <home>/config.properties, then defaults; the first that sets a value wins.
            """;

    /** Resolves the settings from the given sources; throws {@link ConfigException} on bad input. */
    public static AppConfig resolve(List<String> args, Map<String, String> env, Path userHome) {
        Flags flags = Flags.parse(args);
        Path home = flags.home != null ? Path.of(flags.home)
                : env.containsKey("BACKROOM_HOME") ? Path.of(env.get("BACKROOM_HOME"))
                : userHome.resolve(".backroom");
        Properties file = readConfigFile(home.resolve("config.properties"));

        String server = firstOf(flags.server, env.get("BACKROOM_SERVER"), file.getProperty("server"), null);
        String chosen = firstOf(flags.theme, env.get("BACKROOM_THEME"), file.getProperty("theme"), null);
        String theme = chosen == null ? "light" : chosen;
        if (!theme.equals("light") && !theme.equals("dark")) {
            throw new ConfigException("The theme must be 'light' or 'dark', got '" + theme + "'.");
        }
        return new AppConfig(home.toAbsolutePath().normalize(), Optional.ofNullable(server).map(AppConfig::serverUri),
                theme, chosen != null, flags.help, flags.selfCheck);
    }

    /** Folder of the console's log files. */
    public Path logDirectory() {
        return home.resolve("logs");
    }

    /** The console's own SQLite file: settings, audit log, decision outbox. */
    public Path localDatabase() {
        return home.resolve("console.db");
    }

    /** Folder of exported reports. */
    public Path reportDirectory() {
        return home.resolve("reports");
    }

    /** SQLite file of the embedded sandbox gateway. */
    public Path sandboxDatabase() {
        return home.resolve("sandbox").resolve("gateway.db");
    }

    private static URI serverUri(String value) {
        URI uri;
        try {
            uri = URI.create(value.trim());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("The server address '" + value + "' is not a valid URL.");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new ConfigException("The server address must look like http://host:port, got '" + value + "'.");
        }
        return uri;
    }

    private static Properties readConfigFile(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigException("Could not read " + file + ": " + e.getMessage());
            }
        }
        return properties;
    }

    private static String firstOf(String a, String b, String c, String fallback) {
        for (String s : new String[] {a, b, c}) {
            if (s != null && !s.isBlank()) {
                return s.trim();
            }
        }
        return fallback;
    }

    private static final class Flags {
        String server;
        String home;
        String theme;
        boolean help;
        boolean selfCheck;

        static Flags parse(List<String> args) {
            Flags f = new Flags();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                String name = arg;
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    name = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                }
                switch (name) {
                    case "--help", "-h" -> f.help = true;
                    case "--self-check" -> f.selfCheck = true;
                    case "--server", "--home", "--theme" -> {
                        if (value == null) {
                            if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                                throw new ConfigException("Option " + name + " needs a value.");
                            }
                            value = args.get(++i);
                        }
                        switch (name) {
                            case "--server" -> f.server = value;
                            case "--home" -> f.home = value;
                            default -> f.theme = value;
                        }
                    }
                    default -> throw new ConfigException("Unknown option '" + arg + "'. Run with --help to list the options.");
                }
            }
            return f;
        }
    }
}
