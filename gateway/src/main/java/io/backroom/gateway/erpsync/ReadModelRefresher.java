package io.backroom.gateway.erpsync;

import io.backroom.api.model.GoodsReceipt;
import io.backroom.api.model.Page;
import io.backroom.api.model.PurchaseOrder;
import io.backroom.gateway.core.erp.ErpPort;
import io.backroom.gateway.core.erp.ListQuery;
import io.backroom.gateway.core.identity.IdentityPort;
import io.backroom.gateway.store.Database;
import io.backroom.gateway.store.Sql;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Refreshes the read model from the ports: the gateway calls {@link #refreshMasterData} when it starts (and after
 * seeding), and a polling connector calls {@link #refreshPurchaseOrder} for each order the ERP reports changed (a
 * receipt booked at the dock straight into the ERP, an order amended there). The ports are called outside any
 * write transaction; only the read model's upsert runs in one.
 */
public final class ReadModelRefresher {
    private static final int PAGE = 500;

    /** What the core does when the ERP's copy of a purchase order changed (re-match the invoices that quote it). */
    @FunctionalInterface
    public interface PurchaseOrderChanged {
        void changed(Sql tx, String purchaseOrderId) throws SQLException;
    }

    private final Database db;
    private final ErpMirror mirror;
    private final ErpPort erp;
    private final IdentityPort identity;
    private final PurchaseOrderChanged onChange;

    public ReadModelRefresher(Database db, ErpMirror mirror, ErpPort erp, IdentityPort identity,
            PurchaseOrderChanged onChange) {
        this.db = db;
        this.mirror = mirror;
        this.erp = erp;
        this.identity = identity;
        this.onChange = onChange;
    }

    /**
     * Copies every supplier, store, item and user the ports list into the read model, a page per transaction.
     * Returns how many records were copied. Records the ERP no longer lists are kept (invoices still name them).
     */
    public long refreshMasterData() {
        long n = 0;
        n += copy(erp::suppliers, mirror::putSupplier);
        n += copy(erp::stores, mirror::putStore);
        n += copy(erp::items, mirror::putItem);
        n += copy(identity::users, mirror::putUser);
        return n;
    }

    /**
     * Fills an empty read model with every purchase order and goods receipt the ERP holds: once, when a database
     * of the first schema (where the workflows read the ERP's tables) is upgraded. Nothing is re-matched: the
     * invoices were matched against the same documents. Returns how many documents were copied.
     */
    public long backfillDocumentsIfEmpty() {
        if (db.read(tx -> tx.count("SELECT COUNT(*) FROM rm_purchase_orders")) > 0
                || erp.purchaseOrders(new ListQuery(Map.of(), 1, null)).items().isEmpty()) {
            return 0;
        }
        return copy(erp::purchaseOrders, (tx, po) -> mirror.putPurchaseOrder(tx, po))
                + copy(erp::goodsReceipts, (tx, r) -> mirror.putGoodsReceipt(tx, r));
    }

    /**
     * Takes the ERP's copy of a purchase order and its goods receipts into the read model; when anything changed,
     * the held invoices quoting the order are matched again, in the same transaction. Returns whether anything
     * changed. An order the ERP does not know (yet: one entered through the gateway still in the outbox) is left as
     * the read model has it.
     */
    public boolean refreshPurchaseOrder(String purchaseOrderId) {
        Optional<PurchaseOrder> po = erp.purchaseOrder(purchaseOrderId);
        if (po.isEmpty()) {
            return false;
        }
        List<GoodsReceipt> receipts = new ArrayList<>();
        String after = null;
        do {
            Page<GoodsReceipt> page = erp.goodsReceipts(new ListQuery(Map.of("purchaseOrderId", purchaseOrderId), PAGE,
                    after));
            receipts.addAll(page.items());
            after = page.nextCursor();
        } while (after != null);
        return db.write(tx -> {
            boolean changed = mirror.putPurchaseOrder(tx, po.get());
            for (GoodsReceipt r : receipts) {
                changed |= mirror.putGoodsReceipt(tx, r);
            }
            if (changed) {
                onChange.changed(tx, purchaseOrderId);
            }
            return changed;
        });
    }

    @FunctionalInterface
    private interface Put<T> {
        void put(Sql tx, T value) throws SQLException;
    }

    private <T> long copy(Function<ListQuery, Page<T>> list, Put<T> put) {
        long n = 0;
        String after = null;
        do {
            Page<T> page = list.apply(new ListQuery(Map.of(), PAGE, after));
            db.write(tx -> {
                for (T value : page.items()) {
                    put.put(tx, value);
                }
                return null;
            });
            n += page.items().size();
            after = page.nextCursor();
        } while (after != null);
        return n;
    }
}
