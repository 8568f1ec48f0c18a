package io.backroom.gateway.erpsync;

import io.backroom.api.model.GoodsReceipt;
import io.backroom.api.model.Item;
import io.backroom.api.model.Page;
import io.backroom.api.model.Posting;
import io.backroom.api.model.PurchaseOrder;
import io.backroom.api.model.PurchaseOrderStatus;
import io.backroom.api.model.Store;
import io.backroom.gateway.adapter.sandbox.SandboxErp;
import io.backroom.gateway.core.erp.ErpPort;
import io.backroom.gateway.core.erp.ErpUnavailableException;
import io.backroom.gateway.core.erp.ListQuery;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;


/**
 * The real sandbox ERP behind a switch that injects the faults of a remote ERP: down (every call fails at once),
 * stalled (every call hangs until the ERP comes back), or losing the acknowledgements of postings (the posting is
 * applied, then the answer is lost, as with a timeout after the ERP committed).
 */
final class FaultyErp implements ErpPort {
    enum Mode { UP, DOWN, STALLED, LOSES_POSTING_ACKS }

    final SandboxErp sandbox;
    private volatile Mode mode = Mode.UP;
    private final Object lock = new Object();
    final AtomicInteger postCalls = new AtomicInteger();
    final AtomicInteger stalledCalls = new AtomicInteger();

    FaultyErp(ErpPort sandbox) {
        this.sandbox = (SandboxErp) sandbox;
    }

    void set(Mode mode) {
        synchronized (lock) {
            this.mode = mode;
            lock.notifyAll();
        }
    }

    private <T> T call(Supplier<T> work, boolean posting) {
        synchronized (lock) {
            if (mode == Mode.STALLED) {
                stalledCalls.incrementAndGet();
            }
            while (mode == Mode.STALLED) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ErpUnavailableException("interrupted while the ERP stalled");
                }
            }
        }
        if (mode == Mode.DOWN) {
            throw new ErpUnavailableException("connection refused (injected)");
        }
        T result = work.get();
        if (posting && mode == Mode.LOSES_POSTING_ACKS) {
            throw new ErpUnavailableException("read timed out after the ERP applied the call (injected)");
        }
        return result;
    }

    private void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        }, false);
    }

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public Optional<Store> store(String id) {
        return call(() -> sandbox.store(id), false);
    }

    @Override
    public Page<Store> stores(ListQuery query) {
        return call(() -> sandbox.stores(query), false);
    }

    @Override
    public Optional<io.backroom.api.model.Supplier> supplier(String id) {
        return call(() -> sandbox.supplier(id), false);
    }

    @Override
    public Page<io.backroom.api.model.Supplier> suppliers(ListQuery query) {
        return call(() -> sandbox.suppliers(query), false);
    }

    @Override
    public Optional<Item> item(String id) {
        return call(() -> sandbox.item(id), false);
    }

    @Override
    public Page<Item> items(ListQuery query) {
        return call(() -> sandbox.items(query), false);
    }

    @Override
    public Optional<PurchaseOrder> purchaseOrder(String id) {
        return call(() -> sandbox.purchaseOrder(id), false);
    }

    @Override
    public Page<PurchaseOrder> purchaseOrders(ListQuery query) {
        return call(() -> sandbox.purchaseOrders(query), false);
    }

    @Override
    public Optional<GoodsReceipt> goodsReceipt(String id) {
        return call(() -> sandbox.goodsReceipt(id), false);
    }

    @Override
    public Page<GoodsReceipt> goodsReceipts(ListQuery query) {
        return call(() -> sandbox.goodsReceipts(query), false);
    }

    @Override
    public void putPurchaseOrder(PurchaseOrder po) {
        run(() -> sandbox.putPurchaseOrder(po));
    }

    @Override
    public void putGoodsReceipt(GoodsReceipt receipt) {
        run(() -> sandbox.putGoodsReceipt(receipt));
    }

    @Override
    public void setPurchaseOrderStatus(String id, PurchaseOrderStatus status) {
        run(() -> sandbox.setPurchaseOrderStatus(id, status));
    }

    @Override
    public Posting post(String invoiceId, Posting posting) {
        postCalls.incrementAndGet();
        return call(() -> sandbox.post(invoiceId, posting), true);
    }
}
