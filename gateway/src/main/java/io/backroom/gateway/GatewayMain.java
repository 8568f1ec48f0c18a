package io.backroom.gateway;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * Command line of the gateway: {@code serve --db FILE --bind ADDR --port N --seed demo|none}.
 */
public final class GatewayMain {
    private static final String USAGE = """
            Usage: gateway serve [--db FILE] [--bind ADDRESS] [--port N] [--seed demo|none]
              --db FILE        SQLite file of the sandbox ERP (default: backroom-gateway.db)
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
                case "--db" -> db = Path.of(value);
                case "--bind" -> bind = value;
                case "--port" -> port = parsePort(value);
                case "--seed" -> seed = value;
                default -> fail("Unknown option " + flag + ".");
            }
        }
        GatewayServer server;
        try {
            server = GatewayServer.start(new GatewayConfig(bind, port, db, seed, Clock.systemUTC()));
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
