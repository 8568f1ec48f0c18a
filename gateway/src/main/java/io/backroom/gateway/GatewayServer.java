package io.backroom.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.backroom.api.ApiVersion;
import io.backroom.api.model.Health;
import io.backroom.gateway.http.Problem;
import io.backroom.gateway.http.ApiRoutes;
import io.backroom.gateway.http.RouteTable;
import io.backroom.gateway.ap.ApWorkflow;
import io.backroom.gateway.ap.TolerancePolicyStore;
import io.backroom.gateway.auth.PendingPasswords;
import io.backroom.gateway.erp.ErpBackend;
import io.backroom.gateway.erp.SandboxErp;
import io.backroom.gateway.store.Database;
import io.backroom.api.ApiJson;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
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

    private GatewayServer(GatewayConfig config, Javalin javalin, Set<String> routes, Database db,
            AutoCloseable seeding) {
        this.config = config;
        this.seeding = seeding;
        this.db = db;
        this.javalin = javalin;
        this.routes = routes;
    }

    /** Starts a gateway and returns once it accepts connections. */
    public static GatewayServer start(GatewayConfig config) {
        ObjectMapper mapper = ApiJson.newMapper();
        Database db = Database.open(config.store(), config.clock());
        ErpBackend erp = new SandboxErp();
        TolerancePolicyStore policies = new TolerancePolicyStore(mapper);
        ApWorkflow ap = new ApWorkflow(erp, policies, mapper, config.clock());
        PendingPasswords pending = new PendingPasswords();
        AutoCloseable seeding;
        try {
            seeding = Seeder.seed(db, config.seed(), erp, ap, policies, config.clock(), pending);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        ApiRoutes routes = new ApiRoutes(db, mapper, erp, ap, policies, config.limits(), config.clock(),
                pending);
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
            api.get("/api/v1/health", ctx -> ctx.json(new Health(
                    "UP", GatewayVersion.get(), ApiVersion.CURRENT, "sandbox", config.clock().instant())));
            routes.declare(api);
            cfg.routes.before(routes::before);
            cfg.routes.exception(Problem.class, (e, ctx) -> writeProblem(ctx, e));
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
            stopQuietly(seeding);
            db.close();
            throw e;
        }
        GatewayServer server = new GatewayServer(config, app, table.get().declared(), db, seeding);
        LOG.info("Gateway {} listening on http://{}:{}", GatewayVersion.get(), config.bind(), server.port());
        return server;
    }

    private static void commonHeaders(Context ctx) {
        String requestId = ctx.header(ApiVersion.REQUEST_ID_HEADER);
        if (requestId == null || !SAFE_REQUEST_ID.matcher(requestId).matches()) {
            requestId = UUID.randomUUID().toString();
        }
        ctx.header(ApiVersion.REQUEST_ID_HEADER, requestId);
        ctx.header(ApiVersion.HEADER, ApiVersion.CURRENT);
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

    @Override
    public void close() {
        javalin.stop();
        stopQuietly(seeding);
        db.close();
    }
}
