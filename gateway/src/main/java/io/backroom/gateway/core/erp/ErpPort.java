package io.backroom.gateway.core.erp;

import io.backroom.api.model.GoodsReceipt;
import io.backroom.api.model.Item;
import io.backroom.api.model.Page;
import io.backroom.api.model.Posting;
import io.backroom.api.model.PurchaseOrder;
import io.backroom.api.model.PurchaseOrderStatus;
import io.backroom.api.model.Store;
import io.backroom.api.model.Supplier;
import java.util.Optional;

/**
 * The ERP behind the gateway, in the gateway's own terms: records of the Ops API model in, records out, and two
 * unchecked failures ({@link ErpUnavailableException} when the ERP cannot be reached or did not answer in time, so
 * the call may be retried; {@link ErpException} when it refused). No method takes a gateway transaction: the core
 * calls the ERP only outside its own write transactions, reads what it needs for its own work from its read model,
 * and sends what the ERP must learn through its outbox, after commit.
 *
 * <p>Every write is idempotent on the ERP side, keyed by the document's id (a posting by its invoice id): a write
 * delivered twice, because an acknowledgement was lost, is applied once.
 */
public interface ErpPort {
    /** The connector's name, shown by health ({@code sandbox} for the built-in ERP). */
    String name();

    Optional<Store> store(String id);

    Page<Store> stores(ListQuery query);

    Optional<Supplier> supplier(String id);

    Page<Supplier> suppliers(ListQuery query);

    Optional<Item> item(String id);

    Page<Item> items(ListQuery query);

    Optional<PurchaseOrder> purchaseOrder(String id);

    Page<PurchaseOrder> purchaseOrders(ListQuery query);

    Optional<GoodsReceipt> goodsReceipt(String id);

    Page<GoodsReceipt> goodsReceipts(ListQuery query);

    /** Records a purchase order entered through the gateway; a second delivery of the same id is acknowledged. */
    void putPurchaseOrder(PurchaseOrder po);

    /** Records a goods receipt entered through the gateway; a second delivery of the same id is acknowledged. */
    void putGoodsReceipt(GoodsReceipt receipt);

    /** Changes a purchase order's status; setting the status it has is acknowledged without a change. */
    void setPurchaseOrderStatus(String id, PurchaseOrderStatus status);

    /**
     * Records the payable of a released invoice. Keyed by {@code invoiceId}: when the ERP already holds a posting for
     * that invoice it returns that one and records nothing.
     *
     * @return the posting the ERP holds for the invoice (its id is the ERP's reference)
     */
    Posting post(String invoiceId, Posting posting);
}
