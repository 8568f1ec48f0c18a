package io.backroom.gateway.adapter.sandbox;

import io.backroom.api.model.GoodsReceipt;
import io.backroom.api.model.GoodsReceiptLine;
import io.backroom.api.model.Item;
import io.backroom.api.model.Money;
import io.backroom.api.model.Page;
import io.backroom.api.model.PaymentTerms;
import io.backroom.api.model.PurchaseOrder;
import io.backroom.api.model.PurchaseOrderLine;
import io.backroom.api.model.PurchaseOrderStatus;
import io.backroom.api.model.Role;
import io.backroom.api.model.Store;
import io.backroom.api.model.Supplier;
import io.backroom.api.model.User;
import io.backroom.api.model.Posting;
import io.backroom.gateway.core.erp.ErpException;
import io.backroom.gateway.core.erp.ErpPort;
import io.backroom.gateway.core.erp.ErpUnavailableException;
import io.backroom.gateway.core.erp.ListQuery;
import io.backroom.gateway.store.Database;
import io.backroom.gateway.store.Sql;
import io.backroom.gateway.store.StoreException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The built-in ERP: master data, purchase orders, receipts and postings in tables of its own. They may live in the
 * gateway's database file, but only this adapter reads or writes them; each call is a transaction of its own, never
 * part of one of the gateway's.
 */
public final class SandboxErp implements ErpPort {
    private final Database db;

    public SandboxErp(Database db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "sandbox";
    }

    private <T> T read(Database.Work<T> work) {
        try {
            return db.read(work);
        } catch (StoreException e) {
            throw new ErpUnavailableException("The sandbox ERP could not be read: " + e.getMessage(), e);
        }
    }

    private <T> T write(Database.Work<T> work) {
        try {
            return db.write(work);
        } catch (StoreException e) {
            throw new ErpUnavailableException("The sandbox ERP could not be written: " + e.getMessage(), e);
        }
    }

    // ---- users -------------------------------------------------------------------------------------------

    static User user(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency");
        BigDecimal release = Sql.decimal(rs, "release_limit");
        String roles = rs.getString("roles");
        return new User(rs.getString("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("email"),
                roles.isEmpty() ? List.of() : Arrays.stream(roles.split(",")).map(Role::valueOf).toList(),
                rs.getString("region_id"), rs.getString("store_id"),
                release == null ? null : new Money(release, currency),
                new Money(Sql.decimal(rs, "approval_limit"), currency));
    }

    // ---- stores, suppliers, items -------------------------------------------------------------------------

    static Store store(ResultSet rs) throws SQLException {
        return new Store(rs.getString("id"), rs.getString("name"), rs.getString("region_id"), rs.getString("city"),
                rs.getString("size_tier"));
    }

    @Override
    public Optional<Store> store(String id) {
        return read(tx -> store(tx, id));
    }

    static Optional<Store> store(Sql tx, String id) throws SQLException {
        return tx.one("SELECT * FROM stores WHERE id = ?", SandboxErp::store, id);
    }

    @Override
    public Page<Store> stores(ListQuery q) {
        return read(tx -> stores(tx, q));
    }

    static Page<Store> stores(Sql tx, ListQuery q) throws SQLException {
        Where w = new Where(q);
        w.eq("region_id", q.filter("regionId"));
        w.text(q.filter("q"), "id", "name", "city");
        return w.page(tx, "stores", SandboxErp::store, Store::id);
    }

    static Supplier supplier(ResultSet rs) throws SQLException {
        return new Supplier(rs.getString("id"), rs.getString("name"), rs.getString("kind"), rs.getString("country"),
                rs.getString("currency"),
                new PaymentTerms(rs.getString("terms_code"), rs.getInt("net_days"),
                        Sql.decimal(rs, "discount_percent"), rs.getInt("discount_days")),
                Sql.decimal(rs, "tax_rate"), rs.getString("risk"), rs.getInt("blocked") != 0);
    }

    @Override
    public Optional<Supplier> supplier(String id) {
        return read(tx -> supplier(tx, id));
    }

    static Optional<Supplier> supplier(Sql tx, String id) throws SQLException {
        return tx.one("SELECT * FROM suppliers WHERE id = ?", SandboxErp::supplier, id);
    }

    @Override
    public Page<Supplier> suppliers(ListQuery q) {
        return read(tx -> suppliers(tx, q));
    }

    static Page<Supplier> suppliers(Sql tx, ListQuery q) throws SQLException {
        Where w = new Where(q);
        if (q.filter("blocked") != null) {
            w.clause("blocked = ?", Boolean.parseBoolean(q.filter("blocked")) ? 1 : 0);
        }
        w.eq("country", q.filter("country"));
        w.text(q.filter("q"), "id", "name");
        return w.page(tx, "suppliers", SandboxErp::supplier, Supplier::id);
    }

    static Item item(ResultSet rs) throws SQLException {
        BigDecimal cost = Sql.decimal(rs, "cost");
        String currency = rs.getString("currency");
        return new Item(rs.getString("id"), rs.getString("sku"), rs.getString("name"), rs.getString("category"),
                rs.getString("unit"), cost == null || currency == null ? null : new Money(cost, currency),
                rs.getString("supplier_id"));
    }

    @Override
    public Optional<Item> item(String id) {
        return read(tx -> item(tx, id));
    }

    static Optional<Item> item(Sql tx, String id) throws SQLException {
        return tx.one("SELECT * FROM items WHERE id = ?", SandboxErp::item, id);
    }

    @Override
    public Page<Item> items(ListQuery q) {
        return read(tx -> items(tx, q));
    }

    static Page<Item> items(Sql tx, ListQuery q) throws SQLException {
        Where w = new Where(q);
        w.eq("category", q.filter("category"));
        w.eq("supplier_id", q.filter("supplierId"));
        w.text(q.filter("q"), "id", "sku", "name");
        return w.page(tx, "items", SandboxErp::item, Item::id);
    }

    // ---- purchase orders ----------------------------------------------------------------------------------

    @Override
    public Optional<PurchaseOrder> purchaseOrder(String id) {
        return read(tx -> purchaseOrder(tx, id));
    }

    static Optional<PurchaseOrder> purchaseOrder(Sql tx, String id) throws SQLException {
        Optional<PurchaseOrder> header = tx.one("SELECT * FROM purchase_orders WHERE id = ?", rs -> header(rs, List.of()), id);
        if (header.isEmpty()) {
            return header;
        }
        PurchaseOrder po = header.get();
        List<PurchaseOrderLine> lines = tx.query("SELECT l.*, t.tax_rate FROM po_lines l LEFT JOIN po_line_tax t "
                        + "ON t.po_id = l.po_id AND t.line_no = l.line_no WHERE l.po_id = ? ORDER BY l.line_no",
                rs -> new PurchaseOrderLine(rs.getInt("line_no"), rs.getString("item_id"), rs.getString("description"),
                        rs.getString("category"), Sql.decimal(rs, "quantity"), rs.getString("unit"),
                        new Money(Sql.decimal(rs, "unit_price"), po.currency()), Sql.decimal(rs, "tax_rate")), id);
        return Optional.of(withLines(po, lines));
    }

    private static PurchaseOrder header(ResultSet rs, List<PurchaseOrderLine> lines) throws SQLException {
        String currency = rs.getString("currency");
        return new PurchaseOrder(rs.getString("id"), rs.getString("supplier_id"), rs.getString("store_id"),
                rs.getString("buyer_user_id"), Sql.date(rs, "order_date"), Sql.date(rs, "expected_date"), currency,
                PurchaseOrderStatus.valueOf(rs.getString("status")), lines,
                new Money(Sql.decimal(rs, "total"), currency), rs.getLong("version"), Sql.instant(rs, "created_at"),
                rs.getString("agreed_freight") == null ? null : new Money(Sql.decimal(rs, "agreed_freight"), currency));
    }

    private static PurchaseOrder withLines(PurchaseOrder po, List<PurchaseOrderLine> lines) {
        return new PurchaseOrder(po.id(), po.supplierId(), po.storeId(), po.buyerUserId(), po.orderDate(),
                po.expectedDate(), po.currency(), po.status(), lines, po.total(), po.version(), po.createdAt(),
                po.agreedFreight());
    }

    @Override
    public Page<PurchaseOrder> purchaseOrders(ListQuery q) {
        return read(tx -> purchaseOrders(tx, q));
    }

    static Page<PurchaseOrder> purchaseOrders(Sql tx, ListQuery q) throws SQLException {
        Where w = new Where(q);
        w.eq("supplier_id", q.filter("supplierId"));
        w.eq("store_id", q.filter("storeId"));
        w.eq("status", q.filter("status"));
        scope(w, q);
        Page<PurchaseOrder> headers = w.page(tx, "purchase_orders", rs -> header(rs, List.of()), PurchaseOrder::id);
        List<PurchaseOrder> full = new ArrayList<>();
        for (PurchaseOrder po : headers.items()) {
            full.add(purchaseOrder(tx, po.id()).orElseThrow());
        }
        return new Page<>(full, headers.nextCursor());
    }

    /** The regional read scope ({@link ListQuery#SCOPE_REGION}, {@link ListQuery#SCOPE_STORE}), if any. */
    private static void scope(Where w, ListQuery q) {
        if (q.filter(ListQuery.SCOPE_STORE) != null) {
            w.clause("store_id = ?", q.filter(ListQuery.SCOPE_STORE));
        } else if (q.filter(ListQuery.SCOPE_REGION) != null) {
            w.clause("store_id IN (SELECT id FROM stores WHERE region_id = ?)", q.filter(ListQuery.SCOPE_REGION));
        }
    }

    @Override
    public void putPurchaseOrder(PurchaseOrder po) {
        write(tx -> {
            if (tx.count("SELECT COUNT(*) FROM purchase_orders WHERE id = ?", po.id()) == 0) {
                insertPurchaseOrder(tx, po);
            }
            return null;
        });
    }

    private static void insertPurchaseOrder(Sql tx, PurchaseOrder po) throws SQLException {
        tx.update("INSERT INTO purchase_orders (id, supplier_id, store_id, buyer_user_id, order_date, expected_date, "
                        + "currency, status, total, agreed_freight, version, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                po.id(), po.supplierId(), po.storeId(), po.buyerUserId(), po.orderDate(), po.expectedDate(),
                po.currency(), po.status(), po.total().amount(),
                po.agreedFreight() == null ? null : po.agreedFreight().amount(), po.version(), po.createdAt());
        List<Object[]> rows = new ArrayList<>();
        for (PurchaseOrderLine l : po.lines()) {
            rows.add(new Object[] {po.id(), l.lineNo(), l.itemId(), l.description(), l.category(), l.quantity(),
                    l.unit(), l.unitPrice().amount()});
        }
        tx.batch("INSERT INTO po_lines (po_id, line_no, item_id, description, category, quantity, unit, unit_price) "
                + "VALUES (?,?,?,?,?,?,?,?)", rows);
        List<Object[]> taxes = new ArrayList<>();
        for (PurchaseOrderLine l : po.lines()) {
            if (l.taxRate() != null) {
                taxes.add(new Object[] {po.id(), l.lineNo(), l.taxRate()});
            }
        }
        if (!taxes.isEmpty()) {
            tx.batch("INSERT INTO po_line_tax (po_id, line_no, tax_rate) VALUES (?,?,?)", taxes);
        }
    }

    // ---- goods receipts -----------------------------------------------------------------------------------

    @Override
    public Optional<GoodsReceipt> goodsReceipt(String id) {
        return read(tx -> goodsReceipt(tx, id));
    }

    static Optional<GoodsReceipt> goodsReceipt(Sql tx, String id) throws SQLException {
        Optional<GoodsReceipt> header = tx.one("SELECT * FROM goods_receipts WHERE id = ?", SandboxErp::receiptHeader, id);
        if (header.isEmpty()) {
            return header;
        }
        List<GoodsReceiptLine> lines = tx.query("SELECT * FROM gr_lines WHERE gr_id = ? ORDER BY po_line_no",
                rs -> new GoodsReceiptLine(rs.getInt("po_line_no"), Sql.decimal(rs, "quantity")), id);
        GoodsReceipt r = header.get();
        return Optional.of(new GoodsReceipt(r.id(), r.purchaseOrderId(), r.storeId(), r.receivedOn(), r.deliveryNote(),
                lines, r.createdAt()));
    }

    private static GoodsReceipt receiptHeader(ResultSet rs) throws SQLException {
        return new GoodsReceipt(rs.getString("id"), rs.getString("po_id"), rs.getString("store_id"),
                Sql.date(rs, "received_on"), rs.getString("delivery_note"), List.of(), Sql.instant(rs, "created_at"));
    }

    @Override
    public Page<GoodsReceipt> goodsReceipts(ListQuery q) {
        return read(tx -> goodsReceipts(tx, q));
    }

    static Page<GoodsReceipt> goodsReceipts(Sql tx, ListQuery q) throws SQLException {
        Where w = new Where(q);
        w.eq("po_id", q.filter("purchaseOrderId"));
        w.eq("store_id", q.filter("storeId"));
        scope(w, q);
        Page<GoodsReceipt> headers = w.page(tx, "goods_receipts", SandboxErp::receiptHeader, GoodsReceipt::id);
        List<GoodsReceipt> full = new ArrayList<>();
        for (GoodsReceipt r : headers.items()) {
            full.add(goodsReceipt(tx, r.id()).orElseThrow());
        }
        return new Page<>(full, headers.nextCursor());
    }

    @Override
    public void putGoodsReceipt(GoodsReceipt r) {
        write(tx -> {
            if (tx.count("SELECT COUNT(*) FROM goods_receipts WHERE id = ?", r.id()) == 0) {
                insertGoodsReceipt(tx, r);
            }
            return null;
        });
    }

    private static void insertGoodsReceipt(Sql tx, GoodsReceipt r) throws SQLException {
        tx.update("INSERT INTO goods_receipts (id, po_id, store_id, received_on, delivery_note, created_at) "
                + "VALUES (?,?,?,?,?,?)", r.id(), r.purchaseOrderId(), r.storeId(), r.receivedOn(), r.deliveryNote(),
                r.createdAt());
        List<Object[]> rows = new ArrayList<>();
        for (GoodsReceiptLine l : r.lines()) {
            rows.add(new Object[] {r.id(), r.purchaseOrderId(), l.poLineNo(), l.quantity()});
        }
        tx.batch("INSERT INTO gr_lines (gr_id, po_id, po_line_no, quantity) VALUES (?,?,?,?)", rows);
    }

    @Override
    public void setPurchaseOrderStatus(String id, PurchaseOrderStatus status) {
        int changed = write(tx -> {
            if (tx.count("SELECT COUNT(*) FROM purchase_orders WHERE id = ?", id) == 0) {
                return -1;
            }
            return tx.update("UPDATE purchase_orders SET status = ?, version = version + 1 WHERE id = ? AND status <> ?",
                    status, id, status);
        });
        if (changed < 0) {
            throw new ErpException("The sandbox ERP has no purchase order " + id + ".");
        }
    }

    @Override
    public Posting post(String invoiceId, Posting posting) {
        return write(tx -> {
            Optional<Posting> earlier = posting(tx, invoiceId);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            tx.update("INSERT INTO postings (id, invoice_id, amount, currency, posted_at, posted_by) VALUES (?,?,?,?,?,?)",
                    posting.id(), invoiceId, posting.amount().amount(), posting.amount().currency(), posting.postedAt(),
                    posting.postedBy());
            return posting;
        });
    }

    /** The payable the sandbox holds for an invoice, if any (what a finance user would look up in the ERP). */
    public Optional<Posting> posting(String invoiceId) {
        return read(tx -> posting(tx, invoiceId));
    }

    /** How many payables the sandbox holds for an invoice: one at most, however often a posting was delivered. */
    public long postingCount(String invoiceId) {
        return read(tx -> tx.count("SELECT COUNT(*) FROM postings WHERE invoice_id = ?", invoiceId));
    }

    private static Optional<Posting> posting(Sql tx, String invoiceId) throws SQLException {
        return tx.one("SELECT * FROM postings WHERE invoice_id = ?", rs -> new Posting(rs.getString("id"),
                new Money(Sql.decimal(rs, "amount"), rs.getString("currency")), Sql.instant(rs, "posted_at"),
                rs.getString("posted_by")), invoiceId);
    }
}
