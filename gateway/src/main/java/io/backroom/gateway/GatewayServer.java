package io.backroom.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.backroom.api.ApiVersion;
import io.backroom.api.model.Health;
import io.backroom.gateway.core.Problem;
import io.backroom.gateway.http.ApiRoutes;
import io.backroom.gateway.http.RouteTable;
import io.backroom.gateway.auth.PendingPasswords;
import io.backroom.gateway.core.erp.ErpException;
import io.backroom.gateway.core.erp.ErpPort;
import io.backroom.gateway.core.erp.ErpUnavailableException;
import io.backroom.gateway.erpsync.ErpOutbox;
import io.backroom.gateway.erpsync.OutboxSender;
import io.backroom.gateway.erpsync.ReadModelRefresher;
import io.backroom.gateway.erpsync.TimeBound;
import java.time.Duration;
import io.backroom.gateway.store.Database;
import io.backroom.api.ApiJson;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.backroom.api.ProblemTypes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Ops API server. Start it with {@link #start(GatewayConfig)}; close it to stop. */
public final class GatewayServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final GatewayConfig config;
    private final Javalin javalin;
    private final Set<String> routes;
    private final Database db;
    private final AutoCloseable seeding;
    private final OutboxSender sender;
    private final ReadModelRefresher refresher;
    private final TimeBound bound;

    private GatewayServer(GatewayConfig config, Javalin javalin, Set<String> routes, Database db,
            AutoCloseable seeding, OutboxSender sender, ReadModelRefresher refresher, TimeBound bound) {
        this.bound = bound;
        this.config = config;
        this.seeding = seeding;
        this.sender = sender;
        this.refresher = refresher;
        this.db = db;
        this.javalin = javalin;
        this.routes = routes;
    }

    /** Starts a gateway and returns once it accepts connections. */
    public static GatewayServer start(GatewayConfig config) {
        return start(config, erp -> erp, OutboxSender.Backoff.defaults(), Duration.ofSeconds(10));
    }

    /**
     * Starts a gateway whose ERP port is {@code erpAdapter} applied to the sandbox ERP (tests wrap it to inject
     * faults), delivering its outbox with {@code backoff}; a port call made for a request (master data, sign-in)
     * fails as unavailable after {@code callTimeout}.
     */
    public static GatewayServer start(GatewayConfig config, UnaryOperator<ErpPort> erpAdapter,
            OutboxSender.Backoff backoff, Duration callTimeout) {
        ObjectMapper mapper = ApiJson.newMapper();
        Database db = Database.open(config.store(), config.clock());
        PendingPasswords pending = new PendingPasswords();
        GatewayCore core = GatewayCore.sandbox(db, mapper, config.clock(), pending, erpAdapter);
        ErpPort erp = core.erp();
        ErpOutbox outbox = core.outbox();
        ReadModelRefresher refresher = core.refresher();
        OutboxSender sender = new OutboxSender(db, outbox, erp, config.clock(), backoff);
        AutoCloseable seeding;
        try {
            refreshQuietly(refresher);
            seeding = Seeder.seed(db, config.seed(), core.mirror(), refresher, core.ap(), core.policies(), config.clock(),
                    pending);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        db.write(tx -> outbox.purgeDelivered(tx, config.clock().instant().minus(java.time.Duration.ofDays(7))));
        sender.start();
        TimeBound bound = new TimeBound("port-call", 16, callTimeout);
        ApiRoutes routes = new ApiRoutes(db, mapper, bound.reads(erp), bound.calls(core.identity()), core.mirror(),
                core.ap(), core.policies(), config.limits(), config.clock());
        routes.purgeIdempotencyKeys();
        AtomicReference<RouteTable> table = new AtomicReference<>();
        Javalin app = Javalin.create(cfg -> {
            RouteTable api = new RouteTable(cfg.routes);
            table.set(api);
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jsonMapper(new JavalinJackson(mapper, false));
            cfg.http.maxRequestSize = config.limits().maxDocumentBytes();
            cfg.routes.before(GatewayServer::commonHeaders);
            cfg.routes.before(io.backroom.gateway.logging.RequestLog::log);
            api.get("/api/v1/health", ctx -> ctx.json(health(db, outbox, sender, erp, config)));
            routes.declare(api);
            cfg.routes.before(routes::before);
            cfg.routes.exception(Problem.class, (e, ctx) -> writeProblem(ctx, e));
            cfg.routes.exception(ErpUnavailableException.class, (e, ctx) -> {
                LOG.warn("Request {} {} needed the ERP, which is unavailable: {}", ctx.method(), ctx.path(), e.getMessage());
                writeProblem(ctx, new Problem(503, ProblemTypes.ERP_UNAVAILABLE, "ERP unavailable",
                        "The ERP behind the gateway does not answer; try again shortly.", List.of(),
                        Map.of("Retry-After", "5")));
            });
            cfg.routes.exception(ErpException.class, (e, ctx) -> {
                LOG.warn("Request {} {}: the ERP refused: {}", ctx.method(), ctx.path(), e.getMessage());
                writeProblem(ctx, new Problem(502, ProblemTypes.ERP_UNAVAILABLE, "ERP refused",
                        "The ERP behind the gateway refused the request; the gateway log has its answer."));
            });
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                // top-level boundary: log once with the request id, answer a problem without internals
                LOG.error("Request {} {} failed (request id {})", ctx.method(), ctx.path(),
                        ctx.res().getHeader(ApiVersion.REQUEST_ID_HEADER), e);
                writeProblem(ctx, new Problem(500, "internal", "Internal error",
                        "The gateway failed to handle this request; the request id identifies it in the gateway log."));
            });
            cfg.routes.error(404, ctx -> {
                String contentType = ctx.res().getContentType();
                if (contentType == null || !contentType.startsWith("application/problem+json")) {
                    writeProblem(ctx, Problem.notFound("No route " + ctx.method() + " " + ctx.path()));
                }
            });
        });
        try {
            app.start(config.bind(), config.port());
        } catch (RuntimeException e) {
            sender.close();
            bound.close();
            stopQuietly(seeding);
            db.close();
            throw e;
        }
        GatewayServer server = new GatewayServer(config, app, table.get().declared(), db, seeding, sender, refresher,
                bound);
        LOG.info("Gateway {} listening on http://{}:{}", GatewayVersion.get(), config.bind(), server.port());
        return server;
    }

    /** Copies the ERP's master data into the read model; an ERP that does not answer leaves it as it was. */
    private static void refreshQuietly(ReadModelRefresher refresher) {
        try {
            long started = System.nanoTime();
            long n = refresher.refreshMasterData() + refresher.backfillDocumentsIfEmpty();
            LOG.info("Read model refreshed from the ERP: {} master-data records in {} ms", n,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (ErpException e) {
            LOG.warn("The ERP did not answer the master-data refresh; the gateway starts with the read model it has: {}",
                    e.getMessage());
        }
    }

    private static Health health(Database db, ErpOutbox outbox, OutboxSender sender, ErpPort erp, GatewayConfig config) {
        ErpOutbox.Backlog backlog = db.read(outbox::backlog);
        boolean up = sender.state() == OutboxSender.State.UP && backlog.failed() == 0;
        return new Health(up ? "UP" : "DEGRADED", GatewayVersion.get(), ApiVersion.CURRENT, erp.name(),
                config.clock().instant(), new Health.Erp(sender.state().name(), backlog.pending(), backlog.failed(),
                        backlog.oldestPending()));
    }

    private static void commonHeaders(Context ctx) {
        String requestId = ctx.header(ApiVersion.REQUEST_ID_HEADER);
        if (requestId == null || !SAFE_REQUEST_ID.matcher(requestId).matches()) {
            requestId = UUID.randomUUID().toString();
        }
        ctx.header(ApiVersion.REQUEST_ID_HEADER, requestId);
        ctx.header(ApiVersion.HEADER, ApiVersion.CURRENT);
        SecurityHeaders.apply(ctx);
    }

    static void writeProblem(Context ctx, Problem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        if (problem.detail() != null) {
            body.put("detail", problem.detail());
        }
        if (!problem.errors().isEmpty()) {
            body.put("errors", problem.errors());
        }
        problem.members().forEach(body::putIfAbsent);
        problem.headers().forEach(ctx::header);
        body.put("instance", ctx.path());
        body.put("requestId", ctx.res().getHeader(ApiVersion.REQUEST_ID_HEADER));
        ctx.status(problem.status()).json(body).contentType("application/problem+json");
    }

    private static void stopQuietly(AutoCloseable background) {
        try {
            background.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // top-level shutdown boundary: stopping background seeding must not prevent closing the database
            LOG.warn("Stopping background seeding failed: {}", e.getMessage());
        }
    }

    public int port() {
        return javalin.port();
    }

    /** The base URL clients use, for example {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        String host = config.bind().contains(":") ? "[" + config.bind() + "]" : config.bind();
        return "http://" + host + ":" + port();
    }

    /** The API routes this gateway serves, as {@code "METHOD /path"}. */
    public Set<String> routes() {
        return routes;
    }

    public GatewayConfig config() {
        return config;
    }

    /** Refreshes the read model from the ERP (what a polling connector calls): master data, then the given orders. */
    public ReadModelRefresher refresher() {
        return refresher;
    }

    @Override
    public void close() {
        javalin.stop();
        stopQuietly(seeding);
        sender.close();
        bound.close();
        db.close();
    }
}
