package io.backroom.gateway;

import io.backroom.gateway.store.StoreLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * Command line of the gateway: {@code serve [--db FILE | --db-url URL [--db-user U] [--db-password-file F]]
 * --bind ADDR --port N --seed demo|none}.
 */
public final class GatewayMain {
    private static final String USAGE = """
            Usage: gateway serve [--db FILE | --db-url URL [--db-user USER] [--db-password-file FILE]]
                                 [--bind ADDRESS] [--port N] [--seed demo|none]
              --db FILE        SQLite file of the sandbox ERP (default: backroom-gateway.db)
              --db-url URL     a PostgreSQL database instead, jdbc:postgresql://HOST:PORT/DB; several
                               gateways may share it
              --db-user USER   PostgreSQL user (default: the driver's, the operating-system user)
              --db-password-file FILE
                               file whose first line is the PostgreSQL password
              --bind ADDRESS   address to listen on (default: 127.0.0.1)
              --port N         port to listen on, 0 for a free one (default: 8080)
              --seed demo|none load the demo retailer into an empty database (default: demo)
            """;

    private GatewayMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        io.backroom.gateway.logging.GatewayLogging.configureUnlessProvided();
        if (args.length == 0 || !args[0].equals("serve")) {
            System.err.print(USAGE);
            System.exit(args.length > 0 && (args[0].equals("--help") || args[0].equals("-h")) ? 0 : 2);
        }
        String bind = "127.0.0.1";
        int port = 8080;
        Path db = Path.of("backroom-gateway.db");
        String dbUrl = null;
        String dbUser = null;
        Path dbPasswordFile = null;
        boolean dbFileGiven = false;
        String seed = "demo";
        for (int i = 1; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                System.out.print(USAGE);
                return;
            }
            if (i + 1 >= args.length) {
                fail("Option " + flag + " needs a value.");
            }
            String value = args[++i];
            switch (flag) {
                case "--db" -> {
                    db = Path.of(value);
                    dbFileGiven = true;
                }
                case "--db-url" -> dbUrl = value;
                case "--db-user" -> dbUser = value;
                case "--db-password-file" -> dbPasswordFile = Path.of(value);
                case "--bind" -> bind = value;
                case "--port" -> port = parsePort(value);
                case "--seed" -> seed = value;
                default -> fail("Unknown option " + flag + ".");
            }
        }
        if (dbUrl != null && dbFileGiven) {
            fail("Give either --db (SQLite) or --db-url (PostgreSQL), not both.");
        }
        if (dbUrl == null && (dbUser != null || dbPasswordFile != null)) {
            fail("--db-user and --db-password-file go with --db-url.");
        }
        GatewayServer server;
        try {
            StoreLocation store = dbUrl == null ? StoreLocation.sqlite(db)
                    : StoreLocation.postgres(dbUrl, dbUser, dbPasswordFile == null ? null : password(dbPasswordFile));
            server = GatewayServer.start(new GatewayConfig(bind, port, store, seed, Clock.systemUTC()));
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        System.out.println("Backroom gateway " + GatewayVersion.get() + " listening on " + server.baseUrl());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "gateway-shutdown"));
        stopped.await();
    }

    /** The first line of {@code file}, the password; never echoed. */
    private static String password(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            if (lines.isEmpty() || lines.get(0).isEmpty()) {
                fail("The password file " + file + " is empty.");
            }
            return lines.get(0);
        } catch (IOException e) {
            fail("Cannot read the password file " + file + ": " + e.getMessage());
            return null;
        }
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            fail("--port must be a number, got '" + value + "'.");
            return -1;
        }
    }

    private static void fail(String message) {
        System.err.println(message);
        System.err.print(USAGE);
        System.exit(2);
    }
}
