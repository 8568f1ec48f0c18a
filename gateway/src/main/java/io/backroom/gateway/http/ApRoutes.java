package io.backroom.gateway.http;

import static io.backroom.gateway.http.ApiRoutes.cursor;
import static io.backroom.gateway.http.ApiRoutes.date;
import static io.backroom.gateway.http.ApiRoutes.decimal;
import static io.backroom.gateway.http.ApiRoutes.enumParam;
import static io.backroom.gateway.http.ApiRoutes.etag;
import static io.backroom.gateway.http.ApiRoutes.found;
import static io.backroom.gateway.http.ApiRoutes.id;
import static io.backroom.gateway.http.ApiRoutes.ifMatch;
import static io.backroom.gateway.http.ApiRoutes.limit;
import static io.backroom.gateway.http.ApiRoutes.list;
import static io.backroom.gateway.http.ApiRoutes.page;
import static io.backroom.gateway.http.ApiRoutes.parseEnum;
import static io.backroom.gateway.http.ApiRoutes.parseLong;
import static io.backroom.gateway.http.ApiRoutes.principal;

import io.backroom.api.ProblemTypes;
import io.backroom.api.model.DecisionRequest;
import io.backroom.api.model.DecisionResult;
import io.backroom.api.model.GoodsReceipt;
import io.backroom.api.model.HoldCode;
import io.backroom.api.model.Invoice;
import io.backroom.api.model.InvoiceKind;
import io.backroom.api.model.InvoiceStatus;
import io.backroom.api.model.NewGoodsReceipt;
import io.backroom.api.model.NewInvoice;
import io.backroom.api.model.NewPurchaseOrder;
import io.backroom.api.model.PurchaseOrder;
import io.backroom.api.model.PurchaseOrderStatus;
import io.backroom.api.model.TolerancePolicy;
import io.backroom.gateway.GatewayLimits;
import io.backroom.gateway.ap.ApMetricsQuery;
import io.backroom.gateway.ap.ApWorkflow;
import io.backroom.gateway.ap.InvoiceDocuments;
import io.backroom.gateway.ap.InvoiceQuery;
import io.backroom.gateway.ap.TolerancePolicyStore;
import io.backroom.gateway.auth.Permission;
import io.backroom.gateway.auth.Principal;
import io.backroom.gateway.core.Problem;
import io.backroom.gateway.core.Violations;
import io.backroom.gateway.erpsync.ErpMirror;
import io.backroom.gateway.events.ChangeFeed;
import io.backroom.gateway.store.Database;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Accounts payable: intake, the invoice list and details, documents, decisions, tolerances, metrics. */
final class ApRoutes implements DomainRoutes {
    private final ApiRoutes http;
    private final Database db;
    private final ErpMirror mirror;
    private final ApWorkflow ap;
    private final TolerancePolicyStore policies;
    private final GatewayLimits limits;
    private final Clock clock;

    ApRoutes(ApiRoutes http, Database db, ErpMirror mirror, ApWorkflow ap, TolerancePolicyStore policies,
            GatewayLimits limits, Clock clock) {
        this.http = http;
        this.db = db;
        this.mirror = mirror;
        this.ap = ap;
        this.policies = policies;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public void declare(RouteTable open, RouteTable api) {
        api.post("/api/v1/purchase-orders", ctx -> http.idempotent(ctx, NewPurchaseOrder.class, (tx, p, in) -> {
            PurchaseOrder po = ap.createPurchaseOrder(tx, p, in.get());
            return new Idempotency.Stored(201, "application/json", "/api/v1/purchase-orders/" + po.id(),
                    etag(po.version()), http.json(po));
        }));
        api.get("/api/v1/purchase-orders", ctx -> {
            if (ctx.queryParam("status") != null) {
                enumParam(ctx, "status", PurchaseOrderStatus.class);
            }
            page(ctx, http.read(tx -> mirror.purchaseOrders(tx, ReadScope.apply(principal(ctx),
                    list(ctx, "supplierId", "storeId", "status")))));
        });
        api.get("/api/v1/purchase-orders/{id}", ctx -> {
            PurchaseOrder po = found(http.read(tx -> ReadScope.visible(tx, mirror, principal(ctx),
                    mirror.purchaseOrder(tx, id(ctx)), PurchaseOrder::storeId)), "purchase order", ctx);
            ctx.header("ETag", etag(po.version())).json(po);
        });
        api.post("/api/v1/goods-receipts", ctx -> http.idempotent(ctx, NewGoodsReceipt.class, (tx, p, in) -> {
            GoodsReceipt r = ap.createGoodsReceipt(tx, p, in.get());
            return new Idempotency.Stored(201, "application/json", "/api/v1/goods-receipts/" + r.id(), null, http.json(r));
        }));
        api.get("/api/v1/goods-receipts", ctx -> page(ctx, http.read(tx -> mirror.goodsReceipts(tx,
                ReadScope.apply(principal(ctx), list(ctx, "purchaseOrderId", "storeId"))))));
        api.get("/api/v1/goods-receipts/{id}", ctx -> ctx.json(found(http.read(tx -> ReadScope.visible(tx, mirror,
                principal(ctx), mirror.goodsReceipt(tx, id(ctx)), GoodsReceipt::storeId)), "goods receipt", ctx)));

        api.post("/api/v1/invoices", ctx -> http.idempotent(ctx, NewInvoice.class, (tx, p, in) -> {
            Invoice inv = ap.createInvoice(tx, p, in.get());
            return new Idempotency.Stored(201, "application/json", "/api/v1/invoices/" + inv.id(),
                    etag(inv.version()), http.json(inv));
        }));
        api.get("/api/v1/invoices", this::listInvoices);
        api.get("/api/v1/invoice-details", this::invoiceDetails);
        api.patch("/api/v1/invoices/{id}", ctx -> {
            Principal p = principal(ctx);
            long version = ifMatch(ctx);
            io.backroom.api.model.InvoiceCorrection in = http.body(ctx, io.backroom.api.model.InvoiceCorrection.class);
            Invoice inv = db.write(tx -> ap.correctInvoice(tx, p, id(ctx), version, in));
            ctx.header("ETag", etag(inv.version())).json(inv);
        });
        api.get("/api/v1/invoices/{id}", ctx -> {
            Invoice inv = found(http.read(tx -> ReadScope.visible(tx, mirror, principal(ctx), ap.invoice(tx, id(ctx)),
                    Invoice::storeId)), "invoice", ctx);
            ctx.header("ETag", etag(inv.version())).json(inv);
        });
        api.put("/api/v1/invoices/{id}/document", this::putDocument);
        api.get("/api/v1/invoices/{id}/document", ctx -> {
            Principal reader = principal(ctx);
            found(http.read(tx -> ReadScope.visible(tx, mirror, reader, ap.invoice(tx, id(ctx)), Invoice::storeId)),
                    "invoice", ctx);
            byte[] pdf = http.read(tx -> InvoiceDocuments.content(tx, id(ctx))).orElseThrow(() ->
                    Problem.notFound("Invoice " + id(ctx) + " has no document."));
            ctx.header("Content-Disposition", "attachment; filename=\"invoice-" + id(ctx) + ".pdf\"");
            ctx.contentType("application/pdf").result(pdf);
        });
        api.post("/api/v1/invoices/{id}/decisions", ctx -> {
            long version = ifMatch(ctx);
            String invoiceId = id(ctx);
            http.idempotent(ctx, DecisionRequest.class, (tx, p, in) -> {
                DecisionResult r = ap.decide(tx, p, invoiceId, version, in.get());
                return new Idempotency.Stored(200, "application/json", null, etag(r.invoice().version()), http.json(r));
            });
        });

        api.get("/api/v1/policies/tolerances", ctx -> {
            principal(ctx);
            TolerancePolicy p = http.read(policies::current);
            ctx.header("ETag", etag(p.version())).json(p);
        });
        api.put("/api/v1/policies/tolerances", this::putTolerances);

        api.get("/api/v1/metrics/ap", ctx -> {
            principal(ctx);
            ctx.json(http.read(tx -> ApMetricsQuery.compute(tx, clock.instant())));
        });
    }

    /** Up to {@value #MAX_BATCH} full invoices in one request; unknown ids are left out. */
    private void invoiceDetails(Context ctx) {
        Principal reader = principal(ctx);
        String raw = ctx.queryParam("ids");
        if (raw == null || raw.isBlank()) {
            throw Problem.badRequest("ids is required: invoice ids, comma-separated, at most " + MAX_BATCH + ".");
        }
        java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
        for (String id : raw.split(",")) {
            if (!id.isBlank()) {
                if (!io.backroom.gateway.core.Ids.valid(id.strip())) {
                    throw Problem.validation("ids", "each id must match " + io.backroom.gateway.core.Ids.PATTERN_TEXT);
                }
                ids.add(id.strip());
            }
        }
        if (ids.isEmpty() || ids.size() > MAX_BATCH) {
            throw Problem.badRequest("ids must name at least 1 and at most " + MAX_BATCH + " invoices, got " + ids.size() + ".");
        }
        List<Invoice> found = http.read(tx -> {
            List<Invoice> out = new ArrayList<>(ids.size());
            for (String id : ids) {
                ReadScope.visible(tx, mirror, reader, ap.invoice(tx, id), Invoice::storeId).ifPresent(out::add);
            }
            return out;
        });
        ctx.json(new io.backroom.api.model.InvoiceBatch(found));
    }

    static final int MAX_BATCH = 100;

    private void listInvoices(Context ctx) {
        Principal reader = principal(ctx);
        List<InvoiceStatus> statuses = new ArrayList<>();
        String status = ctx.queryParam("status");
        if (status != null && !status.isBlank()) {
            for (String s : status.split(",")) {
                statuses.add(parseEnum(s.strip(), "status", InvoiceStatus.class));
            }
        }
        String cursor = cursor(ctx);
        String[] after = null;
        if (cursor != null) {
            after = cursor.split("\n", 2);
            if (after.length != 2) {
                throw Problem.badRequest("cursor is not one this server issued for this list.");
            }
        }
        QueryBounds.ids(ctx.queryParam("supplierId"), ctx.queryParam("storeId"));
        InvoiceQuery q = new InvoiceQuery(statuses, enumParam(ctx, "holdCode", HoldCode.class), ctx.queryParam("supplierId"),
                ctx.queryParam("storeId"), enumParam(ctx, "kind", InvoiceKind.class), decimal(ctx, "minTotal"),
                decimal(ctx, "maxTotal"), date(ctx, "dueFrom"), date(ctx, "dueTo"),
                Optional.ofNullable(ctx.queryParam("sort")).orElse("id"), limit(ctx), after,
                io.backroom.gateway.auth.RegionScope.of(reader));
        if (after != null && q.sort().replace("-", "").matches("total|createdAt")) {
            parseLong(after[0], "cursor");
        }
        page(ctx, http.read(q::run));
    }

    private void putDocument(Context ctx) {
        Principal p = principal(ctx);
        Permission.INTAKE.require(p);
        long version = ifMatch(ctx);
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/pdf")) {
            throw new Problem(415, ProblemTypes.UNSUPPORTED_MEDIA_TYPE, "Not a PDF",
                    "Send the document as Content-Type: application/pdf, got " + type + ".");
        }
        byte[] pdf = BoundedBody.bytes(ctx, limits.maxDocumentBytes());
        if (pdf.length > limits.maxDocumentBytes()) {
            throw Problem.tooLarge("The document is " + pdf.length + " bytes; at most " + limits.maxDocumentBytes()
                    + " are accepted.");
        }
        InvoiceDocuments.requirePdf(pdf);
        long newVersion = db.write(tx -> InvoiceDocuments.attach(tx, id(ctx), version, pdf, p.id(), clock.instant()));
        ctx.header("ETag", etag(newVersion)).status(204);
    }

    private void putTolerances(Context ctx) {
        Principal p = principal(ctx);
        Permission.POLICY_WRITE.require(p);
        long version = ifMatch(ctx);
        TolerancePolicy policy = http.body(ctx, TolerancePolicy.class);
        Violations v = new Violations();
        if (v.required("global", policy.global())) {
            TolerancesCheck.check(v, "global", policy.global());
        }
        policy.categories().forEach((k, t) -> TolerancesCheck.check(v, "categories." + k, t));
        policy.suppliers().forEach((k, t) -> TolerancesCheck.check(v, "suppliers." + k, t));
        v.throwIfAny();
        TolerancePolicy stored = db.write(tx -> {
            if (!policies.replace(tx, policy, version, p.id(), clock.instant())) {
                TolerancePolicy now = policies.current(tx);
                throw Problem.stale(now.version(), "The tolerance policy is at version " + now.version() + ", not " + version
                        + "; reload it and apply your change again.");
            }
            TolerancePolicy now = policies.current(tx);
            ChangeFeed.record(tx, "policy.updated", "policy", "tolerances", now.version(), clock.instant());
            return now;
        });
        ctx.header("ETag", etag(stored.version())).json(stored);
    }
}
