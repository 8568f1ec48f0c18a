package io.backroom.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.backroom.api.ApiVersion;
import io.backroom.api.model.Health;
import io.backroom.gateway.http.Problem;
import io.backroom.gateway.http.RouteTable;
import io.backroom.api.ApiJson;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
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

    private GatewayServer(GatewayConfig config, Javalin javalin, Set<String> routes) {
        this.config = config;
        this.javalin = javalin;
        this.routes = routes;
    }

    /** Starts a gateway and returns once it accepts connections. */
    public static GatewayServer start(GatewayConfig config) {
        ObjectMapper mapper = ApiJson.newMapper();
        AtomicReference<RouteTable> table = new AtomicReference<>();
        Javalin app = Javalin.create(cfg -> {
            RouteTable api = new RouteTable(cfg.routes);
            table.set(api);
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jsonMapper(new JavalinJackson(mapper, false));
            cfg.routes.before(GatewayServer::commonHeaders);
            api.get("/api/v1/health", ctx -> ctx.json(new Health(
                    "UP", GatewayVersion.get(), ApiVersion.CURRENT, "sandbox", config.clock().instant())));
            api.get("/api/v1/openapi.yaml", GatewayServer::openApi);
            for (String route : PENDING_ROUTES) {
                String[] parts = route.split(" ", 2);
                Handler pending = ctx -> {
                    throw new Problem(501, "not-implemented", "Not implemented yet",
                            route + " is declared in the contract but not served by this build yet");
                };
                switch (parts[0]) {
                    case "GET" -> api.get(parts[1], pending);
                    case "POST" -> api.post(parts[1], pending);
                    case "PUT" -> api.put(parts[1], pending);
                    default -> throw new IllegalStateException(route);
                }
            }
            cfg.routes.exception(Problem.class, (e, ctx) -> writeProblem(ctx, e));
            cfg.routes.error(404, ctx -> {
                String contentType = ctx.res().getContentType();
                if (contentType == null || !contentType.startsWith("application/problem+json")) {
                    writeProblem(ctx, Problem.notFound("No route " + ctx.method() + " " + ctx.path()));
                }
            });
        });
        app.start(config.bind(), config.port());
        GatewayServer server = new GatewayServer(config, app, table.get().declared());
        LOG.info("Gateway {} listening on http://{}:{}", GatewayVersion.get(), config.bind(), server.port());
        return server;
    }

    /** Declared in the contract, not yet served (answered 501). Shrinks to nothing as the gateway grows. */
    private static final List<String> PENDING_ROUTES = List.of(
            "POST /api/v1/auth/token", "POST /api/v1/auth/logout", "GET /api/v1/me",
            "GET /api/v1/stores", "GET /api/v1/stores/{id}", "GET /api/v1/suppliers", "GET /api/v1/suppliers/{id}",
            "GET /api/v1/items", "GET /api/v1/items/{id}", "GET /api/v1/users", "GET /api/v1/users/{id}",
            "POST /api/v1/purchase-orders", "GET /api/v1/purchase-orders", "GET /api/v1/purchase-orders/{id}",
            "POST /api/v1/goods-receipts", "GET /api/v1/goods-receipts", "GET /api/v1/goods-receipts/{id}",
            "POST /api/v1/invoices", "GET /api/v1/invoices", "GET /api/v1/invoices/{id}",
            "PUT /api/v1/invoices/{id}/document", "GET /api/v1/invoices/{id}/document",
            "POST /api/v1/invoices/{id}/decisions", "GET /api/v1/policies/tolerances", "PUT /api/v1/policies/tolerances",
            "POST /api/v1/audit-events", "GET /api/v1/audit-events", "GET /api/v1/events", "GET /api/v1/metrics/ap");

    private static void openApi(Context ctx) throws java.io.IOException {
        try (java.io.InputStream in = ApiVersion.class.getResourceAsStream(ApiVersion.OPENAPI_RESOURCE)) {
            ctx.contentType("application/yaml").result(in.readAllBytes());
        }
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
        body.put("instance", ctx.path());
        body.put("requestId", ctx.res().getHeader(ApiVersion.REQUEST_ID_HEADER));
        ctx.status(problem.status()).json(body).contentType("application/problem+json");
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
    }
}
