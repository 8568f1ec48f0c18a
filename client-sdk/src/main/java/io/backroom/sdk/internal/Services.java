package io.backroom.sdk.internal;

import io.backroom.api.model.ApMetrics;
import io.backroom.api.model.AuditBatch;
import io.backroom.api.model.AuditBatchResult;
import io.backroom.api.model.AuditEvent;
import io.backroom.api.model.ChangeEvent;
import io.backroom.api.model.DecisionRequest;
import io.backroom.api.model.DecisionResult;
import io.backroom.api.model.GoodsReceipt;
import io.backroom.api.model.Invoice;
import io.backroom.api.model.InvoiceSummary;
import io.backroom.api.model.Item;
import io.backroom.api.model.Me;
import io.backroom.api.model.NewGoodsReceipt;
import io.backroom.api.model.NewInvoice;
import io.backroom.api.model.NewPurchaseOrder;
import io.backroom.api.model.PurchaseOrder;
import io.backroom.api.model.Store;
import io.backroom.api.model.Supplier;
import io.backroom.api.model.TolerancePolicy;
import io.backroom.api.model.User;
import io.backroom.sdk.AuditEventListParams;
import io.backroom.sdk.AuditService;
import io.backroom.sdk.AuthService;
import io.backroom.sdk.BackroomInvalidResponseException;
import io.backroom.sdk.ChangeEventListParams;
import io.backroom.sdk.Download;
import io.backroom.sdk.EventsService;
import io.backroom.sdk.GoodsReceiptListParams;
import io.backroom.sdk.GoodsReceiptsService;
import io.backroom.sdk.InvoiceListParams;
import io.backroom.sdk.InvoicesService;
import io.backroom.sdk.ItemListParams;
import io.backroom.sdk.ItemsService;
import io.backroom.sdk.MetricsService;
import io.backroom.sdk.PoliciesService;
import io.backroom.sdk.PurchaseOrderListParams;
import io.backroom.sdk.PurchaseOrdersService;
import io.backroom.sdk.RequestOptions;
import io.backroom.sdk.StoreListParams;
import io.backroom.sdk.StoresService;
import io.backroom.sdk.SupplierListParams;
import io.backroom.sdk.SuppliersService;
import io.backroom.sdk.UserListParams;
import io.backroom.sdk.UsersService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Executor;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Call;

/** The resource services of one client, implemented over {@link OpsRoutes} and {@link Transport}. */
public final class Services {
    private static final MediaType PDF = MediaType.get("application/pdf");

    private final Transport transport;
    private final OpsRoutes routes;

    /** The services over {@code transport}. */
    public Services(Transport transport) {
        this.transport = transport;
        this.routes = transport.create(OpsRoutes.class);
    }

    static String id(String id) {
        if (Objects.requireNonNull(id, "id").isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        return id;
    }

    private static final int MAX_DETAILS = 100;

    private static String ifMatch(long version) {
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative, got " + version);
        }
        return "\"" + version + "\"";
    }

    private <T> T call(Call<ResponseBody> call, Class<T> type, RequestOptions options) {
        return transport.execute(call, type, options);
    }

    /** Invoices. */
    public InvoicesService invoices() {
        return new Invoices();
    }

    private final class Invoices extends Resource<Invoice, InvoiceSummary, InvoiceListParams, NewInvoice>
            implements InvoicesService {
        Invoices() {
            super(Services.this.transport, Resource.Routes.<Invoice, InvoiceSummary, NewInvoice>of(Invoice.class, InvoiceSummary.class,
                    "invoice").get(routes::getInvoice).list(routes::listInvoices).create(routes::createInvoice));
        }

        @Override
        public Invoice correct(String id, long version, io.backroom.api.model.InvoiceCorrection correction,
                               RequestOptions options) {
            return call(routes.correctInvoice(id(id), ifMatch(version), Objects.requireNonNull(correction, "correction")),
                    Invoice.class, options);
        }

        @Override
        public java.util.List<Invoice> getMany(java.util.Collection<String> ids, RequestOptions options) {
            java.util.List<String> asked = Objects.requireNonNull(ids, "ids").stream().map(i -> id(i)).distinct().toList();
            if (asked.stream().anyMatch(i -> i.contains(","))) {
                throw new IllegalArgumentException("getMany cannot ask for an id that contains a comma; use get.");
            }
            if (asked.isEmpty()) {
                return java.util.List.of();
            }
            if (asked.size() > MAX_DETAILS) {
                throw new IllegalArgumentException("getMany takes at most " + MAX_DETAILS + " ids per call, got "
                        + asked.size() + "; split the list.");
            }
            return call(routes.getInvoiceDetails(String.join(",", asked)), io.backroom.api.model.InvoiceBatch.class,
                    options).items();
        }

        @Override
        public DecisionResult decide(String id, long version, DecisionRequest decision, RequestOptions options) {
            return call(routes.decideInvoice(id(id), ifMatch(version), Objects.requireNonNull(decision, "decision"),
                    Transport.idempotencyKey(options)), DecisionResult.class, options);
        }

        @Override
        public long attachDocument(String id, long version, Path pdf, RequestOptions options) {
            if (!Files.isRegularFile(pdf)) {
                throw new IllegalArgumentException("No such file: " + pdf);
            }
            String etag = transport.executeForHeader(routes.putInvoiceDocument(id(id), ifMatch(version),
                    RequestBody.create(pdf.toFile(), PDF)), "ETag", options);
            return versionOf(etag);
        }

        @Override
        public Download document(String id, RequestOptions options) {
            return transport.download(routes.getInvoiceDocument(id(id)), options);
        }
    }

    static long versionOf(String etag) {
        if (etag == null) {
            throw new BackroomInvalidResponseException("The gateway sent no ETag with the new version", 204, null, null);
        }
        String tag = etag.startsWith("W/") ? etag.substring(2) : etag;
        tag = tag.replace("\"", "").trim();
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new BackroomInvalidResponseException("The gateway's ETag is not a version: " + etag, 204, null, e);
        }
    }

    /** Purchase orders. */
    public PurchaseOrdersService purchaseOrders() {
        return new PurchaseOrders();
    }

    private final class PurchaseOrders extends Resource<PurchaseOrder, PurchaseOrder, PurchaseOrderListParams,
            NewPurchaseOrder> implements PurchaseOrdersService {
        PurchaseOrders() {
            super(Services.this.transport, Resource.Routes.<PurchaseOrder, NewPurchaseOrder>of(PurchaseOrder.class, "purchase order")
                    .get(routes::getPurchaseOrder).list(routes::listPurchaseOrders).create(routes::createPurchaseOrder));
        }
    }

    /** Goods receipts. */
    public GoodsReceiptsService goodsReceipts() {
        return new GoodsReceipts();
    }

    private final class GoodsReceipts extends Resource<GoodsReceipt, GoodsReceipt, GoodsReceiptListParams,
            NewGoodsReceipt> implements GoodsReceiptsService {
        GoodsReceipts() {
            super(Services.this.transport, Resource.Routes.<GoodsReceipt, NewGoodsReceipt>of(GoodsReceipt.class, "goods receipt")
                    .get(routes::getGoodsReceipt).list(routes::listGoodsReceipts).create(routes::createGoodsReceipt));
        }
    }

    /** Stores. */
    public StoresService stores() {
        return new Stores();
    }

    private final class Stores extends Resource<Store, Store, StoreListParams, Void> implements StoresService {
        Stores() {
            super(Services.this.transport, Resource.Routes.<Store, Void>of(Store.class, "store").get(routes::getStore)
                    .list(routes::listStores));
        }
    }

    /** Suppliers. */
    public SuppliersService suppliers() {
        return new Suppliers();
    }

    private final class Suppliers extends Resource<Supplier, Supplier, SupplierListParams, Void>
            implements SuppliersService {
        Suppliers() {
            super(Services.this.transport, Resource.Routes.<Supplier, Void>of(Supplier.class, "supplier").get(routes::getSupplier)
                    .list(routes::listSuppliers));
        }
    }

    /** Items. */
    public ItemsService items() {
        return new Items();
    }

    private final class Items extends Resource<Item, Item, ItemListParams, Void> implements ItemsService {
        Items() {
            super(Services.this.transport, Resource.Routes.<Item, Void>of(Item.class, "item").get(routes::getItem).list(routes::listItems));
        }
    }

    /** Users. */
    public UsersService users() {
        return new Users();
    }

    private final class Users extends Resource<User, User, UserListParams, Void> implements UsersService {
        Users() {
            super(Services.this.transport, Resource.Routes.<User, Void>of(User.class, "user").get(routes::getUser).list(routes::listUsers));
        }
    }

    /** Policies. */
    public PoliciesService policies() {
        return new PoliciesService() {
            @Override
            public Executor asyncExecutor() {
                return transport.executor();
            }

            @Override
            public TolerancePolicy tolerances(RequestOptions options) {
                return call(routes.getTolerances(), TolerancePolicy.class, options);
            }

            @Override
            public TolerancePolicy updateTolerances(TolerancePolicy policy, RequestOptions options) {
                Objects.requireNonNull(policy, "policy");
                return call(routes.putTolerances(ifMatch(policy.version()), policy), TolerancePolicy.class, options);
            }
        };
    }

    /** Audit trail. */
    public AuditService audit() {
        return new Audit();
    }

    private final class Audit extends Resource<AuditEvent, AuditEvent, AuditEventListParams, Void> implements AuditService {
        Audit() {
            super(Services.this.transport, Resource.Routes.<AuditEvent, Void>of(AuditEvent.class, "audit event")
                    .list(routes::listAuditEvents));
        }

        @Override
        public AuditBatchResult append(AuditBatch batch, RequestOptions options) {
            return call(routes.appendAuditEvents(Objects.requireNonNull(batch, "batch"), Transport.idempotencyKey(options)),
                    AuditBatchResult.class, options);
        }
    }

    /** Change feed. */
    public EventsService events() {
        return new Events();
    }

    private final class Events extends Resource<ChangeEvent, ChangeEvent, ChangeEventListParams, Void>
            implements EventsService {
        Events() {
            super(Services.this.transport, Resource.Routes.<ChangeEvent, Void>of(ChangeEvent.class, "change event")
                    .list(routes::listChangeEvents).feed());
        }
    }

    /** Metrics. */
    public MetricsService metrics() {
        return new MetricsService() {
            @Override
            public Executor asyncExecutor() {
                return transport.executor();
            }

            @Override
            public ApMetrics accountsPayable(RequestOptions options) {
                return call(routes.getApMetrics(), ApMetrics.class, options);
            }
        };
    }

    /** Signed-in user. */
    public AuthService auth() {
        return new AuthService() {
            @Override
            public Executor asyncExecutor() {
                return transport.executor();
            }

            @Override
            public Me me(RequestOptions options) {
                return call(routes.me(), Me.class, options);
            }

            @Override
            public void logout(RequestOptions options) {
                transport.executeDiscarding(routes.logout(Transport.idempotencyKey(options)), options);
            }
        };
    }
}
