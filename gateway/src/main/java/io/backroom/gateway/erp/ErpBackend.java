package io.backroom.gateway.erp;

import io.backroom.api.model.GoodsReceipt;
import io.backroom.api.model.Item;
import io.backroom.api.model.Money;
import io.backroom.api.model.Page;
import io.backroom.api.model.PurchaseOrder;
import io.backroom.api.model.Store;
import io.backroom.api.model.Supplier;
import io.backroom.api.model.User;
import io.backroom.gateway.store.Sql;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The ERP behind the gateway: master data, purchase orders, goods receipts and the postings a release creates.
 * The AP workflows (match, holds, decisions) only talk to the ERP through this interface, so a connector to a real
 * ERP replaces {@link SandboxErp} without touching them. Every method runs in the caller's transaction
 * ({@code tx}); a remote connector may ignore it and use its own.
 */
public interface ErpBackend {
    Optional<User> user(Sql tx, String id) throws SQLException;

    Optional<Store> store(Sql tx, String id) throws SQLException;

    Optional<Supplier> supplier(Sql tx, String id) throws SQLException;

    Optional<Item> item(Sql tx, String id) throws SQLException;

    Page<User> users(Sql tx, ListQuery query) throws SQLException;

    Page<Store> stores(Sql tx, ListQuery query) throws SQLException;

    Page<Supplier> suppliers(Sql tx, ListQuery query) throws SQLException;

    Page<Item> items(Sql tx, ListQuery query) throws SQLException;

    Optional<PurchaseOrder> purchaseOrder(Sql tx, String id) throws SQLException;

    boolean purchaseOrderExists(Sql tx, String id) throws SQLException;

    boolean goodsReceiptExists(Sql tx, String id) throws SQLException;

    Page<PurchaseOrder> purchaseOrders(Sql tx, ListQuery query) throws SQLException;

    /** Stores a new purchase order; the caller has validated it and checked the id is free. */
    void insertPurchaseOrder(Sql tx, PurchaseOrder po) throws SQLException;

    Optional<GoodsReceipt> goodsReceipt(Sql tx, String id) throws SQLException;

    Page<GoodsReceipt> goodsReceipts(Sql tx, ListQuery query) throws SQLException;

    void insertGoodsReceipt(Sql tx, GoodsReceipt receipt) throws SQLException;

    /** Cumulative received quantity per PO line number of a purchase order. */
    Map<Integer, BigDecimal> receivedByLine(Sql tx, String purchaseOrderId) throws SQLException;

    /** Changes a purchase order's status (the ERP closes or cancels orders). */
    void setPurchaseOrderStatus(Sql tx, String id, io.backroom.api.model.PurchaseOrderStatus status) throws SQLException;

    /** Records the payable for a released invoice and returns the posting id. */
    String post(Sql tx, String invoiceId, Money amount, String postedBy, Instant at) throws SQLException;
}
