package io.backroom.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.backroom.api.ApiVersion;
import io.backroom.api.ProblemTypes;
import io.backroom.api.model.AuditBatch;
import io.backroom.api.model.ChangeEvent;
import io.backroom.api.model.DecisionRequest;
import io.backroom.api.model.DecisionResult;
import io.backroom.api.model.GoodsReceipt;
import io.backroom.api.model.HoldCode;
import io.backroom.api.model.Invoice;
import io.backroom.api.model.InvoiceKind;
import io.backroom.api.model.InvoiceStatus;
import io.backroom.api.model.Me;
import io.backroom.api.model.NewGoodsReceipt;
import io.backroom.api.model.NewInvoice;
import io.backroom.api.model.NewPurchaseOrder;
import io.backroom.api.model.Page;
import io.backroom.api.model.PurchaseOrder;
import io.backroom.api.model.PurchaseOrderStatus;
import io.backroom.api.model.Role;
import io.backroom.api.model.TokenRequest;
import io.backroom.api.model.TolerancePolicy;
import io.backroom.gateway.GatewayLimits;
import io.backroom.gateway.ap.ApMetricsQuery;
import io.backroom.gateway.ap.ApWorkflow;
import io.backroom.gateway.ap.AuditLog;
import io.backroom.gateway.ap.ChangeFeed;
import io.backroom.gateway.ap.InvoiceDocuments;
import io.backroom.gateway.ap.InvoiceQuery;
import io.backroom.gateway.ap.TolerancePolicyStore;
import io.backroom.gateway.auth.Permission;
import io.backroom.gateway.auth.Principal;
import io.backroom.gateway.erp.ErpBackend;
import io.backroom.gateway.erp.ListQuery;
import io.backroom.gateway.store.Database;
import io.backroom.gateway.store.Sql;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every route of the Ops API and the rules they share: authentication, rate limiting, body limits, strict JSON,
 * pagination, {@code If-Match} and {@code Idempotency-Key}. Handlers stay small; the workflows do the work.
 */
public final class ApiRoutes {
    private static final String PRINCIPAL = "backroom.principal";
    private static final Set<String> PUBLIC = Set.of("/api/v1/health", "/api/v1/openapi.yaml", "/api/v1/auth/token");

    private final Database db;
    private final ObjectMapper mapper;
    /** {@link #mapper} made strict for request bodies ({@link StrictJson}). */
    private final ObjectMapper requestMapper;
    private final ErpBackend erp;
    private final ApWorkflow ap;
    private final TolerancePolicyStore policies;
    private final Tokens tokens;
    private final RateLimiter limiter;
    /**
     * Requests that fail authentication (no, unknown, expired or malformed token), per address: a flood of random
     * tokens, each a new bucket of {@link #limiter}, is throttled here.
     */
    private final RateLimiter unauthenticated;
    private final io.backroom.gateway.auth.SignInThrottle signIns = new io.backroom.gateway.auth.SignInThrottle();
    private final GatewayLimits limits;
    private final Clock clock;

    public ApiRoutes(Database db, ObjectMapper mapper, ErpBackend erp, ApWorkflow ap, TolerancePolicyStore policies,
            GatewayLimits limits, Clock clock, io.backroom.gateway.auth.PendingPasswords pending) {
        this.db = db;
        this.mapper = mapper;
        this.requestMapper = StrictJson.forRequests(mapper);
        this.erp = erp;
        this.ap = ap;
        this.policies = policies;
        this.limits = limits;
        this.clock = clock;
        this.tokens = new Tokens(db, clock, limits.tokenLifetime(), pending);
        this.limiter = new RateLimiter(limits.requestsPerSecond(), limits.burst(), clock);
        this.unauthenticated = new RateLimiter(UNAUTHENTICATED_PER_SECOND, UNAUTHENTICATED_BURST, clock);
    }

    /** Declares every route except health on {@code api}. */
    public void declare(RouteTable publicRoutes) {
        publicRoutes.get("/api/v1/openapi.yaml", this::openApi);
        publicRoutes.post("/api/v1/auth/token", this::token);
        RouteTable api = publicRoutes.guardedBy(this::authenticate);
        api.post("/api/v1/auth/logout", ctx -> {
            tokens.revoke(principal(ctx));
            ctx.status(204);
        });
        api.get("/api/v1/me", ctx -> {
            Principal p = principal(ctx);
            ctx.json(new Me(p.user(), Permission.keysFor(p.user().roles()), p.expiresAt()));
        });
        api.get("/api/v1/stores", ctx -> page(ctx, read(tx -> erp.stores(tx, list(ctx, "regionId", "q")))));
        api.get("/api/v1/stores/{id}", ctx -> ctx.json(found(read(tx -> erp.store(tx, id(ctx))), "store", ctx)));
        api.get("/api/v1/suppliers", ctx -> page(ctx, read(tx -> erp.suppliers(tx, list(ctx, "blocked", "country", "q")))));
        api.get("/api/v1/suppliers/{id}", ctx -> ctx.json(found(read(tx -> erp.supplier(tx, id(ctx))), "supplier", ctx)));
        api.get("/api/v1/items", ctx -> page(ctx, read(tx -> erp.items(tx, list(ctx, "category", "supplierId", "q")))));
        api.get("/api/v1/items/{id}", ctx -> ctx.json(found(read(tx -> erp.item(tx, id(ctx))), "item", ctx)));
        api.get("/api/v1/users", ctx -> {
            if (ctx.queryParam("role") != null) {
                enumParam(ctx, "role", Role.class);
            }
            page(ctx, read(tx -> erp.users(tx, list(ctx, "role", "regionId", "q"))));
        });
        api.get("/api/v1/users/{id}", ctx -> ctx.json(found(read(tx -> erp.user(tx, id(ctx))), "user", ctx)));

        api.post("/api/v1/purchase-orders", ctx -> idempotent(ctx, NewPurchaseOrder.class, (tx, p, in) -> {
            PurchaseOrder po = ap.createPurchaseOrder(tx, p, in.get());
            return new Idempotency.Stored(201, "application/json", "/api/v1/purchase-orders/" + po.id(),
                    etag(po.version()), json(po));
        }));
        api.get("/api/v1/purchase-orders", ctx -> {
            if (ctx.queryParam("status") != null) {
                enumParam(ctx, "status", PurchaseOrderStatus.class);
            }
            page(ctx, read(tx -> erp.purchaseOrders(tx, ReadScope.apply(principal(ctx),
                    list(ctx, "supplierId", "storeId", "status")))));
        });
        api.get("/api/v1/purchase-orders/{id}", ctx -> {
            PurchaseOrder po = found(read(tx -> ReadScope.visible(tx, erp, principal(ctx), erp.purchaseOrder(tx, id(ctx)),
                    PurchaseOrder::storeId)), "purchase order", ctx);
            ctx.header("ETag", etag(po.version())).json(po);
        });
        api.post("/api/v1/goods-receipts", ctx -> idempotent(ctx, NewGoodsReceipt.class, (tx, p, in) -> {
            GoodsReceipt r = ap.createGoodsReceipt(tx, p, in.get());
            return new Idempotency.Stored(201, "application/json", "/api/v1/goods-receipts/" + r.id(), null, json(r));
        }));
        api.get("/api/v1/goods-receipts", ctx -> page(ctx, read(tx -> erp.goodsReceipts(tx,
                ReadScope.apply(principal(ctx), list(ctx, "purchaseOrderId", "storeId"))))));
        api.get("/api/v1/goods-receipts/{id}", ctx -> ctx.json(found(read(tx -> ReadScope.visible(tx, erp,
                principal(ctx), erp.goodsReceipt(tx, id(ctx)), GoodsReceipt::storeId)), "goods receipt", ctx)));

        api.post("/api/v1/invoices", ctx -> idempotent(ctx, NewInvoice.class, (tx, p, in) -> {
            Invoice inv = ap.createInvoice(tx, p, in.get());
            return new Idempotency.Stored(201, "application/json", "/api/v1/invoices/" + inv.id(),
                    etag(inv.version()), json(inv));
        }));
        api.get("/api/v1/invoices", this::listInvoices);
        api.get("/api/v1/invoice-details", this::invoiceDetails);
        api.patch("/api/v1/invoices/{id}", ctx -> {
            Principal p = principal(ctx);
            long version = ifMatch(ctx);
            io.backroom.api.model.InvoiceCorrection in = body(ctx, io.backroom.api.model.InvoiceCorrection.class);
            Invoice inv = db.write(tx -> ap.correctInvoice(tx, p, id(ctx), version, in));
            ctx.header("ETag", etag(inv.version())).json(inv);
        });
        api.get("/api/v1/invoices/{id}", ctx -> {
            Invoice inv = found(read(tx -> ReadScope.visible(tx, erp, principal(ctx), ap.invoice(tx, id(ctx)),
                    Invoice::storeId)), "invoice", ctx);
            ctx.header("ETag", etag(inv.version())).json(inv);
        });
        api.put("/api/v1/invoices/{id}/document", this::putDocument);
        api.get("/api/v1/invoices/{id}/document", ctx -> {
            Principal reader = principal(ctx);
            found(read(tx -> ReadScope.visible(tx, erp, reader, ap.invoice(tx, id(ctx)), Invoice::storeId)), "invoice", ctx);
            byte[] pdf = read(tx -> InvoiceDocuments.content(tx, id(ctx))).orElseThrow(() ->
                    Problem.notFound("Invoice " + id(ctx) + " has no document."));
            ctx.header("Content-Disposition", "attachment; filename=\"invoice-" + id(ctx) + ".pdf\"");
            ctx.contentType("application/pdf").result(pdf);
        });
        api.post("/api/v1/invoices/{id}/decisions", ctx -> {
            long version = ifMatch(ctx);
            String invoiceId = id(ctx);
            idempotent(ctx, DecisionRequest.class, (tx, p, in) -> {
                DecisionResult r = ap.decide(tx, p, invoiceId, version, in.get());
                return new Idempotency.Stored(200, "application/json", null, etag(r.invoice().version()), json(r));
            });
        });

        api.get("/api/v1/policies/tolerances", ctx -> {
            principal(ctx);
            TolerancePolicy p = read(policies::current);
            ctx.header("ETag", etag(p.version())).json(p);
        });
        api.put("/api/v1/policies/tolerances", this::putTolerances);

        api.post("/api/v1/audit-events", ctx -> idempotent(ctx, AuditBatch.class, (tx, p, in) -> {
            Permission.AUDIT_WRITE.require(p);
            io.backroom.gateway.ap.AuditSources.requireOwnEvents(tx, p, in.get(), clock.instant());
            return new Idempotency.Stored(200, "application/json", null, null,
                    json(AuditLog.append(tx, in.get(), clock.instant())));
        }));
        api.get("/api/v1/audit-events", ctx -> {
            Permission.AUDIT_READ.require(principal(ctx));
            int limit = limit(ctx);
            String after = cursor(ctx);
            page(ctx, read(tx -> AuditLog.list(tx, ctx.queryParam("source"), ctx.queryParam("subjectId"),
                    ctx.queryParam("actor"), after == null ? 0 : parseLong(after, "cursor"), limit)));
        });
        api.get("/api/v1/events", ctx -> {
            principal(ctx);
            int limit = limit(ctx);
            String after = ctx.queryParam("after");
            long from = after == null || after.isBlank() ? 0 : parseLong(after, "after");
            List<ChangeEvent> events = read(tx -> ChangeFeed.after(tx, from, limit));
            String next = events.isEmpty() ? (after == null ? "0" : after) : events.get(events.size() - 1).cursor();
            ctx.json(new Page<>(events, next));
        });
        api.get("/api/v1/metrics/ap", ctx -> {
            principal(ctx);
            ctx.json(read(tx -> ApMetricsQuery.compute(tx, clock.instant())));
        });
    }

    // ---- filters run before every route ----

    /** Rate limiting (per token, or per address without one) and the body size limit, before routing. */
    public void before(Context ctx) {
        String path = ctx.path();
        if (!path.startsWith("/api/")) {
            return;
        }
        long length = ctx.req().getContentLengthLong();
        int max = path.endsWith("/document") ? limits.maxDocumentBytes() : limits.maxJsonBytes();
        if (length > max) {
            drain(ctx, length);
            throw Problem.tooLarge("The body is " + length + " bytes; this route takes at most " + max + " bytes.");
        }
        String bearer = Tokens.bearer(ctx.header("Authorization"));
        String caller = bearer == null || PUBLIC.contains(path) ? "ip:" + ctx.ip() : "token:" + Tokens.hash(bearer);
        throttle(limiter.acquire(caller));
    }

    /** Failed authentications per address: sustained rate and burst. */
    static final double UNAUTHENTICATED_PER_SECOND = 5;
    static final int UNAUTHENTICATED_BURST = 50;

    private static void throttle(long wait) {
        if (wait > 0) {
            throw new Problem(429, ProblemTypes.RATE_LIMITED, "Too many requests", "Slow down: try again in " + wait
                    + " s.", List.of(), Map.of("Retry-After", Long.toString(wait)));
        }
    }

    /** Largest refused body read and discarded before answering 413 (see {@link #drain}). */
    private static final long DRAIN_MAX = 16L << 20;

    /**
     * Reads and discards a refused body of moderate size, so that the 413 reaches the client: closing a connection
     * with unread request bytes makes the kernel reset it, and a client still sending then sees "connection reset"
     * instead of the answer. Bodies above {@link #DRAIN_MAX} are not read; that connection is simply closed.
     */
    private static void drain(Context ctx, long length) {
        if (length > DRAIN_MAX) {
            return;
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                left -= n;
            }
        } catch (IOException e) {
            // the client went away: nothing left to answer
        }
    }

    private void authenticate(Context ctx) {
        try {
            ctx.attribute(PRINCIPAL, tokens.resolve(ctx.header("Authorization")));
        } catch (Problem p) {
            if (p.status() == 401) {
                throttle(unauthenticated.acquire("ip:" + ctx.ip()));
            }
            throw p;
        }
    }

    private static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) {
            throw Problem.unauthorized("Sign in first.");
        }
        return p;
    }

    // ---- handlers with more than one line ----

    private void openApi(Context ctx) throws IOException {
        try (InputStream in = ApiVersion.class.getResourceAsStream(ApiVersion.OPENAPI_RESOURCE)) {
            ctx.contentType("application/yaml").result(in.readAllBytes());
        }
    }

    private void token(Context ctx) {
        TokenRequest req = body(ctx, TokenRequest.class);
        Violations v = new Violations();
        v.required("username", req.username());
        v.required("password", req.password());
        v.maxLength("username", req.username(), 200);
        v.maxLength("password", req.password(), 1024);
        v.throwIfAny();
        long locked = signIns.waitSeconds(req.username(), ctx.ip());
        if (locked > 0) {
            throw new Problem(429, ProblemTypes.RATE_LIMITED, "Too many failed sign-ins", "Too many failed sign-ins "
                    + "for this user name or from this address; try again in " + locked + " s.", List.of(),
                    Map.of("Retry-After", Long.toString(locked)));
        }
        io.backroom.api.model.Token token;
        try {
            token = tokens.issue(req.username(), req.password());
        } catch (Problem p) {
            if (p.status() == 401) {
                signIns.failed(req.username(), ctx.ip());
            }
            throw p;
        }
        signIns.succeeded(req.username());
        ctx.json(token);
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
                if (!Ids.valid(id.strip())) {
                    throw Problem.validation("ids", "each id must match " + Ids.PATTERN_TEXT);
                }
                ids.add(id.strip());
            }
        }
        if (ids.isEmpty() || ids.size() > MAX_BATCH) {
            throw Problem.badRequest("ids must name at least 1 and at most " + MAX_BATCH + " invoices, got " + ids.size() + ".");
        }
        List<Invoice> found = read(tx -> {
            List<Invoice> out = new ArrayList<>(ids.size());
            for (String id : ids) {
                ReadScope.visible(tx, erp, reader, ap.invoice(tx, id), Invoice::storeId).ifPresent(out::add);
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
        page(ctx, read(q::run));
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
        TolerancePolicy policy = body(ctx, TolerancePolicy.class);
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

    // ---- shared mechanics ----

    private <T> T read(Database.Work<T> work) {
        return db.read(work);
    }

    /**
     * Runs a POST's effect and stores its response under the caller's Idempotency-Key, in one transaction: a group
     * transaction shared with the other POSTs queued meanwhile, in a savepoint of its own (see
     * {@link Database#writeGrouped}); the answer is sent only after that transaction committed.
     */
    private <B> void idempotent(Context ctx, Class<B> bodyType, PostWork<B> post) {
        Principal p = principal(ctx);
        String key = ctx.header(ApiVersion.IDEMPOTENCY_KEY_HEADER);
        byte[] raw = BoundedBody.bytes(ctx, limits.maxJsonBytes());
        // parsed here, on the request thread, so that the group writer only writes; a bad body is reported where
        // the route reads it (after the idempotency check), as before
        Parsed<B> in = parse(ctx, bodyType);
        Database.Work<Idempotency.Stored> work = tx -> post.run(tx, p, in);
        Idempotency.Stored result;
        boolean[] replayed = {false};
        if (key == null) {
            result = db.writeGrouped(work);
        } else {
            Idempotency.checkKey(key);
            String hash = Idempotency.requestHash(ctx.method().name(), ctx.path(), raw);
            result = db.writeGrouped(tx -> {
                Optional<Idempotency.Stored> earlier = Idempotency.find(tx, p.id(), key, hash);
                if (earlier.isPresent()) {
                    replayed[0] = true;
                    return earlier.get();
                }
                Idempotency.Stored fresh = work.run(tx);
                Idempotency.store(tx, p.id(), key, hash, fresh, clock.instant());
                return fresh;
            });
        }
        if (replayed[0]) {
            ctx.header("Idempotent-Replayed", "true");
        }
        if (result.location() != null) {
            ctx.header("Location", result.location());
        }
        if (result.etag() != null) {
            ctx.header("ETag", result.etag());
        }
        ctx.status(result.status()).contentType(result.contentType()).result(result.body());
    }

    /** The effect of a POST, given its signed-in caller and its parsed body. */
    @FunctionalInterface
    private interface PostWork<B> {
        Idempotency.Stored run(Sql tx, Principal p, Parsed<B> body) throws SQLException;
    }

    /** A request body read ahead: {@link #get} returns it, or throws the problem reading it raised. */
    private record Parsed<B>(B value, Problem problem) {
        B get() {
            if (problem != null) {
                throw problem;
            }
            return value;
        }
    }

    private <B> Parsed<B> parse(Context ctx, Class<B> type) {
        try {
            return new Parsed<>(body(ctx, type), null);
        } catch (Problem e) {
            return new Parsed<>(null, e);
        }
    }

    /** Reads the JSON body strictly: malformed JSON and wrong types are 400 problems naming the field. */
    private <T> T body(Context ctx, Class<T> type) {
        byte[] raw = BoundedBody.bytes(ctx, limits.maxJsonBytes());
        if (raw.length > limits.maxJsonBytes()) {
            throw Problem.tooLarge("The body is " + raw.length + " bytes; at most " + limits.maxJsonBytes()
                    + " are accepted.");
        }
        if (raw.length == 0) {
            throw new Problem(400, ProblemTypes.MALFORMED_JSON, "Malformed JSON", "The request needs a JSON body.");
        }
        try {
            T value = requestMapper.readValue(raw, type);
            if (value == null) {
                throw new Problem(400, ProblemTypes.MALFORMED_JSON, "Malformed JSON", "The body is null, not an object.");
            }
            return value;
        } catch (com.fasterxml.jackson.databind.exc.InvalidFormatException e) {
            String field = path(e);
            throw Problem.validation(field.isEmpty() ? "(body)" : field, e.getOriginalMessage() == null ? "is invalid"
                    : e.getOriginalMessage().split("\n")[0]);
        } catch (MismatchedInputException e) {
            String field = path(e);
            String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
            throw Problem.validation(field.isEmpty() ? "(body)" : field, "must be " + expected);
        } catch (JsonMappingException e) {
            String field = path(e);
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw Problem.validation(field.isEmpty() ? "(body)" : field, cause.getMessage() == null ? "is invalid"
                    : cause.getMessage().split("\n")[0]);
        } catch (JsonProcessingException e) {
            throw new Problem(400, ProblemTypes.MALFORMED_JSON, "Malformed JSON", "The body is not valid JSON: "
                    + e.getOriginalMessage() + (e.getLocation() == null ? "." : " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")."));
        } catch (IOException e) {
            throw new Problem(400, ProblemTypes.MALFORMED_JSON, "Malformed JSON", "The body could not be read.");
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (s.length() > 0) {
                    s.append('.');
                }
                s.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.toString();
    }

    private static String describe(Class<?> type) {
        if (type == BigDecimal.class || Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "a number";
        }
        if (type == LocalDate.class) {
            return "a date (yyyy-MM-dd)";
        }
        if (type == java.time.Instant.class) {
            return "an ISO-8601 instant";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object (" + type.getSimpleName() + ")";
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String id(Context ctx) {
        return ctx.pathParam("id");
    }

    private static <T> T found(Optional<T> value, String what, Context ctx) {
        return value.orElseThrow(() -> Problem.notFound("No " + what + " '" + id(ctx) + "'."));
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version in {@code If-Match}; 428 if missing, 400 if not a version. */
    private static long ifMatch(Context ctx) {
        String h = ctx.header("If-Match");
        if (h == null || h.isBlank()) {
            throw Problem.preconditionRequired("Send If-Match with the version you loaded, so that nobody's change is "
                    + "overwritten silently.");
        }
        String v = h.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw Problem.badRequest("If-Match must be the resource's version (a number, quoted or not), got '" + h + "'.");
        }
    }

    private static int limit(Context ctx) {
        String s = ctx.queryParam("limit");
        if (s == null) {
            return 50;
        }
        try {
            int n = Integer.parseInt(s);
            if (n >= 1 && n <= ApiVersion.MAX_PAGE_SIZE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the problem below
        }
        throw Problem.badRequest("limit must be a whole number from 1 to " + ApiVersion.MAX_PAGE_SIZE + ", got '" + s + "'.");
    }

    /** The decoded {@code cursor} parameter, or null. */
    private static String cursor(Context ctx) {
        String s = ctx.queryParam("cursor");
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(s), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("cursor is not one this server issued; pass back nextCursor unchanged.");
        }
    }

    private static String encode(String raw) {
        return raw == null ? null : Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static void page(Context ctx, Page<?> page) {
        ctx.json(new Page<>(page.items(), encode(page.nextCursor())));
    }

    private static ListQuery list(Context ctx, String... filters) {
        Map<String, String> values = new HashMap<>();
        for (String f : filters) {
            String v = ctx.queryParam(f);
            if (v != null && !v.isBlank()) {
                values.put(f, v);
            }
        }
        QueryBounds.check(values);
        if (values.containsKey("blocked") && !values.get("blocked").matches("true|false")) {
            throw Problem.badRequest("blocked must be true or false, got '" + values.get("blocked") + "'.");
        }
        return new ListQuery(values, limit(ctx), cursor(ctx));
    }

    private static <E extends Enum<E>> E enumParam(Context ctx, String name, Class<E> type) {
        String s = ctx.queryParam(name);
        return s == null || s.isBlank() ? null : parseEnum(s, name, type);
    }

    private static <E extends Enum<E>> E parseEnum(String s, String name, Class<E> type) {
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(name + " must be one of " + Arrays.toString(type.getEnumConstants()) + ", got '" + s + "'.");
        }
    }

    private static BigDecimal decimal(Context ctx, String name) {
        String s = ctx.queryParam(name);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return InputBounds.decimal(s);
        } catch (InputBounds.OutOfBounds e) {
            throw Problem.validation(name, e.getMessage());
        }
    }

    private static LocalDate date(Context ctx, String name) {
        String s = ctx.queryParam(name);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return InputBounds.date(s);
        } catch (InputBounds.OutOfBounds e) {
            throw Problem.validation(name, e.getMessage());
        }
    }

    private static long parseLong(String s, String name) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw Problem.badRequest(name + " is not one this server issued; pass it back unchanged.");
        }
    }

    /** Forgets idempotency keys older than a day. */
    public void purgeIdempotencyKeys() {
        db.write(tx -> Idempotency.purge(tx, clock.instant().minus(Duration.ofDays(1))));
    }
}
