package io.backroom.gateway.erpsync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backroom.api.model.GoodsReceipt;
import io.backroom.api.model.GoodsReceiptLine;
import io.backroom.api.model.Item;
import io.backroom.api.model.Money;
import io.backroom.api.model.Page;
import io.backroom.api.model.Posting;
import io.backroom.api.model.PurchaseOrder;
import io.backroom.api.model.PurchaseOrderLine;
import io.backroom.api.model.PurchaseOrderStatus;
import io.backroom.api.model.Store;
import io.backroom.api.model.Supplier;
import io.backroom.api.model.User;
import io.backroom.gateway.core.erp.ListQuery;
import io.backroom.gateway.store.Sql;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The gateway's side of the ERP, inside the gateway's own transactions: the read model (what the gateway needs from
 * the ERP for its own work, in its own {@code rm_*} tables) and the way out (intake and postings queued in
 * {@link ErpOutbox} for delivery after commit). The workflows talk to this, never to the ERP port, so no write
 * transaction ever waits for the ERP and no gateway query joins an ERP table.
 */
public final class ErpMirror {
    private final ObjectMapper mapper;
    private final ErpOutbox outbox;
    private final Clock clock;

    public ErpMirror(ObjectMapper mapper, ErpOutbox outbox, Clock clock) {
        this.mapper = mapper;
        this.outbox = outbox;
        this.clock = clock;
    }

    // ==== reads ===========================================================================================

    public Optional<Supplier> supplier(Sql tx, String id) throws SQLException {
        return body(tx, "SELECT body FROM rm_suppliers WHERE id = ?", id, Supplier.class);
    }

    public Optional<Store> store(Sql tx, String id) throws SQLException {
        return body(tx, "SELECT body FROM rm_stores WHERE id = ?", id, Store.class);
    }

    public Optional<Item> item(Sql tx, String id) throws SQLException {
        return body(tx, "SELECT body FROM rm_items WHERE id = ?", id, Item.class);
    }

    public Optional<User> user(Sql tx, String id) throws SQLException {
        return body(tx, "SELECT body FROM rm_users WHERE id = ?", id, User.class);
    }

    public Optional<PurchaseOrder> purchaseOrder(Sql tx, String id) throws SQLException {
        return body(tx, "SELECT body FROM rm_purchase_orders WHERE id = ?", id, PurchaseOrder.class);
    }

    public boolean purchaseOrderExists(Sql tx, String id) throws SQLException {
        return tx.count("SELECT COUNT(*) FROM rm_purchase_orders WHERE id = ?", id) > 0;
    }

    public Optional<GoodsReceipt> goodsReceipt(Sql tx, String id) throws SQLException {
        return body(tx, "SELECT body FROM rm_goods_receipts WHERE id = ?", id, GoodsReceipt.class);
    }

    public boolean goodsReceiptExists(Sql tx, String id) throws SQLException {
        return tx.count("SELECT COUNT(*) FROM rm_goods_receipts WHERE id = ?", id) > 0;
    }

    /** Purchase orders ordered by id; filters {@code supplierId}, {@code storeId}, {@code status}. */
    public Page<PurchaseOrder> purchaseOrders(Sql tx, ListQuery q) throws SQLException {
        return page(tx, "rm_purchase_orders", q, Map.of("supplierId", "supplier_id", "storeId", "store_id",
                "status", "status"), PurchaseOrder.class, PurchaseOrder::id);
    }

    /** Goods receipts ordered by id; filters {@code purchaseOrderId}, {@code storeId}. */
    public Page<GoodsReceipt> goodsReceipts(Sql tx, ListQuery q) throws SQLException {
        return page(tx, "rm_goods_receipts", q, Map.of("purchaseOrderId", "po_id", "storeId", "store_id"),
                GoodsReceipt.class, GoodsReceipt::id);
    }

    /** Cumulative received quantity per PO line number of a purchase order. */
    public Map<Integer, BigDecimal> receivedByLine(Sql tx, String purchaseOrderId) throws SQLException {
        Map<Integer, BigDecimal> received = new HashMap<>();
        for (Object[] row : tx.query("SELECT po_line_no, quantity FROM rm_received WHERE po_id = ?",
                rs -> new Object[] {rs.getInt(1), Sql.decimal(rs, "quantity")}, purchaseOrderId)) {
            received.merge((Integer) row[0], (BigDecimal) row[1], BigDecimal::add);
        }
        return received;
    }

    /** The posting the gateway created for an invoice, if it was released. */
    public Optional<Posting> posting(Sql tx, String invoiceId) throws SQLException {
        return tx.one("SELECT * FROM ap_postings WHERE invoice_id = ?", rs -> new Posting(rs.getString("id"),
                new Money(Sql.decimal(rs, "amount"), rs.getString("currency")), Sql.instant(rs, "posted_at"),
                rs.getString("posted_by")), invoiceId);
    }

    // ==== writes through the gateway: read model now, ERP after commit ====================================

    /** Records a purchase order entered through the gateway and queues it for the ERP. */
    public void insertPurchaseOrder(Sql tx, PurchaseOrder po) throws SQLException {
        putPurchaseOrder(tx, po);
        outbox.enqueue(tx, ErpOutbox.Kind.PURCHASE_ORDER, "purchase-order:" + po.id(), po);
    }

    /** Records a goods receipt entered through the gateway and queues it for the ERP. */
    public void insertGoodsReceipt(Sql tx, GoodsReceipt receipt) throws SQLException {
        putGoodsReceipt(tx, receipt);
        outbox.enqueue(tx, ErpOutbox.Kind.GOODS_RECEIPT, "goods-receipt:" + receipt.id(), receipt);
    }

    /** Changes a purchase order's status here and queues the change for the ERP. */
    public void setPurchaseOrderStatus(Sql tx, String id, PurchaseOrderStatus status) throws SQLException {
        PurchaseOrder po = purchaseOrder(tx, id).orElse(null);
        if (po == null || po.status() == status) {
            return;
        }
        putPurchaseOrder(tx, new PurchaseOrder(po.id(), po.supplierId(), po.storeId(), po.buyerUserId(), po.orderDate(),
                po.expectedDate(), po.currency(), status, po.lines(), po.total(), po.version() + 1, po.createdAt(),
                po.agreedFreight()));
        outbox.enqueue(tx, ErpOutbox.Kind.PURCHASE_ORDER_STATUS, "purchase-order-status:" + id + ":" + UUID.randomUUID(),
                new ErpOutbox.StatusChange(id, status));
    }

    /**
     * Records the payable of a released invoice and queues it for the ERP; returns the posting id. The outbox key is
     * the invoice id, so an invoice can never queue two postings, and the ERP applies a redelivery once.
     */
    public String post(Sql tx, String invoiceId, Money amount, String postedBy, Instant at) throws SQLException {
        String id = "PST-" + UUID.randomUUID();
        tx.update("INSERT INTO ap_postings (invoice_id, id, amount, currency, posted_at, posted_by) VALUES (?,?,?,?,?,?)",
                invoiceId, id, amount.amount(), amount.currency(), at, postedBy);
        outbox.enqueue(tx, ErpOutbox.Kind.POSTING, "posting:" + invoiceId,
                new ErpOutbox.PostingMessage(invoiceId, new Posting(id, amount, at, postedBy)));
        return id;
    }

    // ==== refresh: the read model takes what the ERP holds =================================================

    public void putSupplier(Sql tx, Supplier s) throws SQLException {
        tx.update("DELETE FROM rm_suppliers WHERE id = ?", s.id());
        tx.update("INSERT INTO rm_suppliers (id, name, body, refreshed_at) VALUES (?,?,?,?)", s.id(), s.name(), json(s),
                clock.instant());
    }

    public void putStore(Sql tx, Store s) throws SQLException {
        tx.update("DELETE FROM rm_stores WHERE id = ?", s.id());
        tx.update("INSERT INTO rm_stores (id, name, region_id, body, refreshed_at) VALUES (?,?,?,?,?)", s.id(), s.name(),
                s.regionId(), json(s), clock.instant());
    }

    public void putItem(Sql tx, Item i) throws SQLException {
        tx.update("DELETE FROM rm_items WHERE id = ?", i.id());
        tx.update("INSERT INTO rm_items (id, category, body, refreshed_at) VALUES (?,?,?,?)", i.id(), i.category(),
                json(i), clock.instant());
    }

    public void putUser(Sql tx, User u) throws SQLException {
        tx.update("DELETE FROM rm_users WHERE id = ?", u.id());
        tx.update("INSERT INTO rm_users (id, username, body, refreshed_at) VALUES (?,?,?,?)", u.id(), u.username(),
                json(u), clock.instant());
    }

    /** Replaces the read model's copy of a purchase order; returns whether it changed. */
    public boolean putPurchaseOrder(Sql tx, PurchaseOrder po) throws SQLException {
        String body = json(po);
        if (tx.one("SELECT body FROM rm_purchase_orders WHERE id = ?", rs -> rs.getString(1), po.id())
                .filter(body::equals).isPresent()) {
            return false;
        }
        tx.update("DELETE FROM rm_purchase_orders WHERE id = ?", po.id());
        tx.update("DELETE FROM rm_po_lines WHERE po_id = ?", po.id());
        tx.update("INSERT INTO rm_purchase_orders (id, supplier_id, store_id, status, body, refreshed_at) "
                + "VALUES (?,?,?,?,?,?)", po.id(), po.supplierId(), po.storeId(), po.status(), body, clock.instant());
        List<Object[]> rows = new ArrayList<>();
        for (PurchaseOrderLine l : po.lines()) {
            rows.add(new Object[] {po.id(), l.lineNo(), l.category()});
        }
        tx.batch("INSERT INTO rm_po_lines (po_id, line_no, category) VALUES (?,?,?)", rows);
        return true;
    }

    /** Replaces the read model's copy of a goods receipt; returns whether it changed. */
    public boolean putGoodsReceipt(Sql tx, GoodsReceipt r) throws SQLException {
        String body = json(r);
        if (tx.one("SELECT body FROM rm_goods_receipts WHERE id = ?", rs -> rs.getString(1), r.id())
                .filter(body::equals).isPresent()) {
            return false;
        }
        tx.update("DELETE FROM rm_goods_receipts WHERE id = ?", r.id());
        tx.update("DELETE FROM rm_received WHERE gr_id = ?", r.id());
        tx.update("INSERT INTO rm_goods_receipts (id, po_id, store_id, body, refreshed_at) VALUES (?,?,?,?,?)", r.id(),
                r.purchaseOrderId(), r.storeId(), body, clock.instant());
        List<Object[]> rows = new ArrayList<>();
        for (GoodsReceiptLine l : r.lines()) {
            rows.add(new Object[] {r.id(), r.purchaseOrderId(), l.poLineNo(), l.quantity()});
        }
        tx.batch("INSERT INTO rm_received (gr_id, po_id, po_line_no, quantity) VALUES (?,?,?,?)", rows);
        return true;
    }

    // ==== mechanics =======================================================================================

    private <T> Optional<T> body(Sql tx, String sql, String id, Class<T> type) throws SQLException {
        Optional<String> body = tx.one(sql, rs -> rs.getString(1), id);
        return body.map(b -> parse(b, type));
    }

    private <T> Page<T> page(Sql tx, String table, ListQuery q, Map<String, String> filters, Class<T> type,
            java.util.function.Function<T, String> idOf) throws SQLException {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (Map.Entry<String, String> f : new java.util.TreeMap<>(filters).entrySet()) {
            String value = q.filter(f.getKey());
            if (value != null) {
                where.add(f.getValue() + " = ?");
                params.add(value);
            }
        }
        // a regional user's read scope (set by the server, never by a client): the documents of their store or region
        if (q.filter(ListQuery.SCOPE_STORE) != null) {
            where.add("store_id = ?");
            params.add(q.filter(ListQuery.SCOPE_STORE));
        } else if (q.filter(ListQuery.SCOPE_REGION) != null) {
            where.add("store_id IN (SELECT id FROM rm_stores WHERE region_id = ?)");
            params.add(q.filter(ListQuery.SCOPE_REGION));
        }
        if (q.afterId() != null) {
            where.add("id > ?");
            params.add(q.afterId());
        }
        params.add(q.limit() + 1);
        List<T> rows = tx.query("SELECT body FROM " + table + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ",
                where)) + " ORDER BY id LIMIT ?", rs -> parse(rs.getString(1), type), params.toArray());
        if (rows.size() <= q.limit()) {
            return new Page<>(rows, null);
        }
        List<T> page = rows.subList(0, q.limit());
        return new Page<>(page, idOf.apply(page.get(page.size() - 1)));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T parse(String body, Class<T> type) {
        try {
            return mapper.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored " + type.getSimpleName() + " of the read model is unreadable", e);
        }
    }
}
