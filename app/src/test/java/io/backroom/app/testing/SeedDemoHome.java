package io.backroom.app.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prepares a console home whose embedded sandbox holds held invoices, for screenshots and
 * benchmarks: {@code SeedDemoHome <home> <count>}. Until the demo retailer seeds the sandbox itself.
 */
public final class SeedDemoHome {
    private SeedDemoHome() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        Files.createDirectories(home.resolve("sandbox"));
        try (SandboxFixture sandbox = new SandboxFixture(home.resolve("sandbox"))) {
            sandbox.heldInvoices("INV", count);
        }
        System.out.println("Seeded " + count + " held invoices into " + home.resolve("sandbox/gateway.db"));
    }
}
