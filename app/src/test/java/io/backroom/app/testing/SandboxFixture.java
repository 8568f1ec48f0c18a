package io.backroom.app.testing;

import io.backroom.api.model.GoodsReceiptLine;
import io.backroom.api.model.Invoice;
import io.backroom.api.model.InvoiceKind;
import io.backroom.api.model.Item;
import io.backroom.api.model.Money;
import io.backroom.api.model.NewGoodsReceipt;
import io.backroom.api.model.NewInvoice;
import io.backroom.api.model.NewInvoiceLine;
import io.backroom.api.model.NewPurchaseOrder;
import io.backroom.api.model.PaymentTerms;
import io.backroom.api.model.PurchaseOrderLine;
import io.backroom.api.model.PurchaseOrderStatus;
import io.backroom.api.model.Store;
import io.backroom.api.model.Supplier;
import io.backroom.gateway.GatewayConfig;
import io.backroom.gateway.GatewayServer;
import io.backroom.api.model.Role;
import io.backroom.api.model.User;
import io.backroom.gateway.auth.PasswordHasher;
import io.backroom.gateway.adapter.sandbox.MasterDataWriter;
import io.backroom.gateway.store.Database;
import io.backroom.gateway.store.SqliteDialect;
import io.backroom.sdk.BackroomClient;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A real gateway on loopback over a temporary sandbox database, with a little master data and
 * held invoices sent in through the SDK as the ERP would (purchase order, goods receipt, invoice
 * with a price above the PO). For tests and benchmarks until the demo retailer seeds the sandbox.
 */
public final class SandboxFixture implements AutoCloseable {
    public static final String SUPPLIER = "SUP-1";
    public static final String STORE = "ST-001";

    private final Path database;
    private final GatewayServer gateway;
    private final BackroomClient intake; // admin: a clerk may not release invoices they entered themselves
    private final BackroomClient buyer;
    private final BackroomClient dock;

    public SandboxFixture(Path dir) {
        this.database = dir.resolve("gateway.db");
        // An empty ERP (no demo set) with three users whose passwords hash fast, so tests stay quick.
        this.gateway = GatewayServer.start(new GatewayConfig("127.0.0.1", 0, database, "none", Clock.systemUTC()));
        try (Database db = Database.open(database, new SqliteDialect(), Clock.systemUTC())) {
            db.write(tx -> {
                MasterDataWriter w = new MasterDataWriter(tx);
                PasswordHasher hasher = new PasswordHasher(1_000);
                w.user(new User("U-CLERK", "clerk", "Demo AP clerk", null, List.of(Role.AP_CLERK), null, null,
                        Money.of("10000.00", "EUR"), Money.zero("EUR")), hasher.hash("backroom".toCharArray()));
                w.user(new User("U-SUPERVISOR", "supervisor", "Demo AP supervisor", null, List.of(Role.AP_SUPERVISOR),
                        null, null, null, Money.zero("EUR")), hasher.hash("backroom".toCharArray()));
                w.user(new User("U-ADMIN", "admin", "Demo administrator", null, List.of(Role.ADMIN), null, null,
                        Money.zero("EUR"), Money.zero("EUR")), hasher.hash("backroom".toCharArray()));
                // separation of duties: a buyer orders, the store receives, the admin keys the invoices
                w.user(new User("U-BUYER", "buyer", "Demo buyer", null, List.of(Role.BUYER), null, null,
                        Money.zero("EUR"), Money.zero("EUR")), hasher.hash("backroom".toCharArray()));
                w.user(new User("U-DOCK", "dock", "Demo store receiving", null, List.of(Role.STORE_MANAGER), "R-1", STORE,
                        Money.zero("EUR"), Money.zero("EUR")), hasher.hash("backroom".toCharArray()));
                w.store(new Store(STORE, "Store Lyon Part-Dieu", "R-1", "Lyon", "L"));
                for (int s = 1; s <= 5; s++) {
                    w.supplier(new Supplier("SUP-" + s, "Supplier " + (char) ('A' + s - 1) + " SA", "GOODS", "FR", "EUR",
                            new PaymentTerms("2/10 NET 30", 30, new BigDecimal("2.0"), 10), new BigDecimal("20"),
                            "LOW", false));
                }
                w.item(new Item("ITM-1", "SKU-1", "Olive oil 1l", "GROCERY", "EA", Money.of("4.00", "EUR"), SUPPLIER));
                return null;
            });
        }
        // master data loaded straight into the running sandbox ERP reaches the gateway when its read model is refreshed
        gateway.refresher().refreshMasterData();
        this.intake = client("admin");
        this.buyer = client("buyer");
        this.dock = client("dock");
    }

    /**
     * Changes the clerk's release limit in the ERP while the console runs (as an administrator would): the console
     * still has the old limit from sign-in, so only the gateway knows, and refuses.
     */
    public void changeClerkReleaseLimit(Money limit) {
        try (Database db = Database.open(database, new SqliteDialect(), Clock.systemUTC())) {
            db.write(tx -> {
                new MasterDataWriter(tx).user(new User("U-CLERK", "clerk", "Demo AP clerk", null, List.of(Role.AP_CLERK),
                        null, null, limit, Money.zero("EUR")), new PasswordHasher(1_000).hash("backroom".toCharArray()));
                return null;
            });
        }
        gateway.refresher().refreshMasterData();
    }

    /** A client signed in as a sandbox user. */
    public BackroomClient client(String username) {
        return BackroomClient.builder().baseUrl(gateway.baseUrl()).credentials(username, "backroom"::toCharArray).build();
    }

    public String baseUrl() {
        return gateway.baseUrl();
    }

    public GatewayServer gateway() {
        return gateway;
    }

    /**
     * Sends in {@code count} invoices whose unit price is above the PO's by more than the
     * tolerance, so each lands on hold with PRICE_VARIANCE. Returns their ids.
     */
    public List<String> heldInvoices(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        LocalDate today = LocalDate.now();
        for (int i = 0; i < count; i++) {
            String supplier = "SUP-" + (1 + i % 5);
            String po = prefix + "-PO-" + i;
            BigDecimal qty = BigDecimal.valueOf(10 + i % 7);
            Money poPrice = Money.of("4.00", "EUR");
            buyer.purchaseOrders().create(new NewPurchaseOrder(po, supplier, STORE, null, today.minusDays(20),
                    today.minusDays(10), "EUR", PurchaseOrderStatus.OPEN,
                    List.of(new PurchaseOrderLine(1, "ITM-1", "Olive oil 1l", "GROCERY", qty, "EA", poPrice)), null));
            dock.goodsReceipts().create(new NewGoodsReceipt(prefix + "-GR-" + i, po, STORE, today.minusDays(9),
                    "DN-" + i, List.of(new GoodsReceiptLine(1, qty))));
            BigDecimal price = new BigDecimal("4.40").add(BigDecimal.valueOf(i % 4).movePointLeft(1));
            BigDecimal net = price.multiply(qty);
            BigDecimal tax = net.multiply(new BigDecimal("0.20")).setScale(2, java.math.RoundingMode.HALF_UP);
            Invoice invoice = intake.invoices().create(new NewInvoice(null, InvoiceKind.INVOICE, prefix + "-" + (1000 + i),
                    supplier, po, STORE, today.minusDays(8 - i % 5), today.minusDays(7), today.plusDays(3 + i % 20), "EUR",
                    List.of(new NewInvoiceLine(1, 1, "ITM-1", "Olive oil 1l", qty, "EA", Money.of(price, "EUR"),
                            new BigDecimal("20"), Money.of(net, "EUR"))),
                    List.of(), Money.of(tax, "EUR"), Money.of(net.add(tax), "EUR"), null));
            if (i % 2 == 0) {
                intake.invoices().attachDocument(invoice.id(), invoice.version(), pdf(invoice, supplier, qty, price));
            }
            ids.add(invoice.id());
        }
        return ids;
    }

    /** A one-page supplier invoice PDF, rendered with PDFBox, as the supplier would send it. */
    private Path pdf(Invoice invoice, String supplier, BigDecimal qty, BigDecimal price) {
        try {
            Path file = java.nio.file.Files.createTempFile("invoice-", ".pdf");
            try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
                org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
                doc.addPage(page);
                var font = new org.apache.pdfbox.pdmodel.font.PDType1Font(
                        org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA);
                var bold = new org.apache.pdfbox.pdmodel.font.PDType1Font(
                        org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA_BOLD);
                try (var out = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
                    String[][] lines = {
                        {"b", "24", invoice.supplierName()},
                        {"r", "11", "12 rue de la Republique, 69002 Lyon - VAT FR12345678901"},
                        {"b", "16", "INVOICE"},
                        {"r", "11", "Invoice No.: " + invoice.invoiceNumber()},
                        {"r", "11", "Invoice date: " + invoice.invoiceDate()},
                        {"r", "11", "Your order: " + invoice.poReference()},
                        {"r", "11", "Due date: " + invoice.dueDate()},
                        {"r", "11", " "},
                        {"b", "11", "Item              Qty      Unit price      Amount"},
                        {"r", "11", "Olive oil 1l      " + qty + "       " + price + " EUR     "
                                + invoice.subtotal().amount() + " EUR"},
                        {"r", "11", " "},
                        {"r", "11", "Subtotal: " + invoice.subtotal()},
                        {"r", "11", "VAT 20%: " + invoice.taxAmount()},
                        {"b", "13", "Total due: " + invoice.total()},
                    };
                    float y = 740;
                    for (String[] l : lines) {
                        out.beginText();
                        out.setFont(l[0].equals("b") ? bold : font, Float.parseFloat(l[1]));
                        out.newLineAtOffset(60, y);
                        out.showText(l[2]);
                        out.endText();
                        y -= Float.parseFloat(l[1]) + 12;
                    }
                }
                doc.save(file.toFile());
            }
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        intake.close();
        buyer.close();
        dock.close();
        gateway.close();
    }
}
