package io.backroom.gateway.erpsync;

import io.backroom.api.model.GoodsReceipt;
import io.backroom.api.model.Item;
import io.backroom.api.model.Page;
import io.backroom.api.model.Posting;
import io.backroom.api.model.PurchaseOrder;
import io.backroom.api.model.PurchaseOrderStatus;
import io.backroom.api.model.Store;
import io.backroom.api.model.User;
import io.backroom.gateway.core.erp.ErpUnavailableException;
import io.backroom.gateway.core.erp.ErpPort;
import io.backroom.gateway.core.erp.ListQuery;
import io.backroom.gateway.core.identity.IdentityPort;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A bulkhead with a deadline for the port calls made on a request thread (master-data reads, sign-in, the user
 * behind a token): at most {@code threads} calls at a time, each answered within {@code timeout} or failed with
 * {@link ErpUnavailableException}, so a stalled ERP or directory costs a request a bounded wait and never takes the
 * request threads with it. The outbox sender calls the ERP directly: its calls may wait as long as the ERP needs.
 */
public final class TimeBound implements AutoCloseable {
    private final ThreadPoolExecutor pool;
    private final Duration timeout;

    public TimeBound(String name, int threads, Duration timeout) {
        this.timeout = timeout;
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(threads * 16),
                r -> {
                    Thread t = new Thread(r, name);
                    t.setDaemon(true);
                    return t;
                });
        this.pool.allowCoreThreadTimeOut(true);
    }

    <T> T call(String what, Supplier<T> work) {
        Future<T> future;
        try {
            future = pool.submit(work::get);
        } catch (RejectedExecutionException e) {
            throw new ErpUnavailableException(what + ": too many calls are already waiting for an answer", e);
        }
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ErpUnavailableException(what + ": no answer within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new ErpUnavailableException(what + ": interrupted while waiting for an answer", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new ErpUnavailableException(what + " failed: " + e.getCause(), e.getCause());
        }
    }

    /** The ERP port with its reads bounded; its writes (the outbox sender's) pass straight through. */
    public ErpPort reads(ErpPort erp) {
        return new ErpPort() {
            @Override
            public String name() {
                return erp.name();
            }

            @Override
            public Optional<Store> store(String id) {
                return call("ERP store " + id, () -> erp.store(id));
            }

            @Override
            public Page<Store> stores(ListQuery query) {
                return call("ERP stores", () -> erp.stores(query));
            }

            @Override
            public Optional<io.backroom.api.model.Supplier> supplier(String id) {
                return call("ERP supplier " + id, () -> erp.supplier(id));
            }

            @Override
            public Page<io.backroom.api.model.Supplier> suppliers(ListQuery query) {
                return call("ERP suppliers", () -> erp.suppliers(query));
            }

            @Override
            public Optional<Item> item(String id) {
                return call("ERP item " + id, () -> erp.item(id));
            }

            @Override
            public Page<Item> items(ListQuery query) {
                return call("ERP items", () -> erp.items(query));
            }

            @Override
            public Optional<PurchaseOrder> purchaseOrder(String id) {
                return call("ERP purchase order " + id, () -> erp.purchaseOrder(id));
            }

            @Override
            public Page<PurchaseOrder> purchaseOrders(ListQuery query) {
                return call("ERP purchase orders", () -> erp.purchaseOrders(query));
            }

            @Override
            public Optional<GoodsReceipt> goodsReceipt(String id) {
                return call("ERP goods receipt " + id, () -> erp.goodsReceipt(id));
            }

            @Override
            public Page<GoodsReceipt> goodsReceipts(ListQuery query) {
                return call("ERP goods receipts", () -> erp.goodsReceipts(query));
            }

            @Override
            public void putPurchaseOrder(PurchaseOrder po) {
                erp.putPurchaseOrder(po);
            }

            @Override
            public void putGoodsReceipt(GoodsReceipt receipt) {
                erp.putGoodsReceipt(receipt);
            }

            @Override
            public void setPurchaseOrderStatus(String id, PurchaseOrderStatus status) {
                erp.setPurchaseOrderStatus(id, status);
            }

            @Override
            public Posting post(String invoiceId, Posting posting) {
                return erp.post(invoiceId, posting);
            }
        };
    }

    /** The identity port with every call bounded. */
    public IdentityPort calls(IdentityPort identity) {
        return new IdentityPort() {
            @Override
            public Optional<User> authenticate(String username, char[] password) {
                return call("Sign-in", () -> identity.authenticate(username, password));
            }

            @Override
            public Optional<User> user(String id) {
                return call("User " + id, () -> identity.user(id));
            }

            @Override
            public Page<User> users(ListQuery query) {
                return call("Users", () -> identity.users(query));
            }
        };
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
