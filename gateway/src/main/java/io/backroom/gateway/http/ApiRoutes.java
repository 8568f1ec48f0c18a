package io.backroom.gateway.http;

import io.backroom.gateway.core.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.backroom.api.ApiVersion;
import io.backroom.api.ProblemTypes;
import io.backroom.api.model.Page;
import io.backroom.gateway.GatewayLimits;
import io.backroom.gateway.ap.ApWorkflow;
import io.backroom.gateway.ap.TolerancePolicyStore;
import io.backroom.gateway.auth.Principal;
import io.backroom.gateway.core.erp.ErpPort;
import io.backroom.gateway.core.identity.IdentityPort;
import io.backroom.gateway.erpsync.ErpMirror;
import io.backroom.gateway.core.erp.ListQuery;
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
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Ops API's routes, composed from each domain's {@link DomainRoutes}, and the rules they share: authentication,
 * rate limiting, body limits, strict JSON, pagination, {@code If-Match} and {@code Idempotency-Key}. Handlers stay
 * small; the workflows do the work.
 */
public final class ApiRoutes {
    private static final String PRINCIPAL = "backroom.principal";
    private static final Set<String> PUBLIC = Set.of("/api/v1/health", "/api/v1/openapi.yaml", "/api/v1/auth/token");

    private final Database db;
    private final ObjectMapper mapper;
    private final ErpPort erp;
    private final IdentityPort identity;
    private final ErpMirror mirror;
    private final ApWorkflow ap;
    private final TolerancePolicyStore policies;
    private final Tokens tokens;
    private final RateLimiter limiter;
    private final GatewayLimits limits;
    private final Clock clock;

    public ApiRoutes(Database db, ObjectMapper mapper, ErpPort erp, IdentityPort identity, ErpMirror mirror,
            ApWorkflow ap, TolerancePolicyStore policies, GatewayLimits limits, Clock clock) {
        this.db = db;
        this.mapper = mapper;
        this.erp = erp;
        this.identity = identity;
        this.mirror = mirror;
        this.ap = ap;
        this.policies = policies;
        this.limits = limits;
        this.clock = clock;
        this.tokens = new Tokens(db, identity, clock, limits.tokenLifetime());
        this.limiter = new RateLimiter(limits.requestsPerSecond(), limits.burst(), clock);
        this.unauthenticated = new RateLimiter(UNAUTHENTICATED_PER_SECOND, UNAUTHENTICATED_BURST, clock);
        this.requestMapper = StrictJson.forRequests(mapper);
    }

    /** {@link #mapper} made strict for request bodies ({@link StrictJson}). */
    private final ObjectMapper requestMapper;
    /**
     * Requests that fail authentication (no, unknown, expired or malformed token), per address: a flood of random
     * tokens, each a new bucket of {@link #limiter}, is throttled here.
     */
    private final RateLimiter unauthenticated;
    /** Failed authentications per address: sustained rate and burst. */
    static final double UNAUTHENTICATED_PER_SECOND = 5;
    static final int UNAUTHENTICATED_BURST = 50;

    static void throttle(long wait) {
        if (wait > 0) {
            throw new Problem(429, ProblemTypes.RATE_LIMITED, "Too many requests", "Slow down: try again in " + wait
                    + " s.", List.of(), Map.of("Retry-After", Long.toString(wait)));
        }
    }

    /**
     * Declares every route except health: the contract and sign-in, open to all; then each domain's routes behind
     * authentication. A new domain (approvals, loss prevention, integration, insights) is one more
     * {@link DomainRoutes} in this list.
     */
    public void declare(RouteTable publicRoutes) {
        publicRoutes.get("/api/v1/openapi.yaml", this::openApi);
        RouteTable api = publicRoutes.guardedBy(this::authenticate);
        List<DomainRoutes> domains = List.of(
                new AuthRoutes(this, tokens),
                new MasterDataRoutes(erp, identity),
                new ApRoutes(this, db, mirror, ap, policies, limits, clock),
                new AuditRoutes(this, clock),
                new EventRoutes(this));
        for (DomainRoutes domain : domains) {
            domain.declare(publicRoutes, api);
        }
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

    static Principal principal(Context ctx) {
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

    // ---- shared mechanics ----

    <T> T read(Database.Work<T> work) {
        return db.read(work);
    }

    /**
     * Runs a POST's effect and stores its response under the caller's Idempotency-Key, in one transaction: a group
     * transaction shared with the other POSTs queued meanwhile, in a savepoint of its own (see
     * {@link Database#writeGrouped}); the answer is sent only after that transaction committed.
     */
    <B> void idempotent(Context ctx, Class<B> bodyType, PostWork<B> post) {
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
    interface PostWork<B> {
        Idempotency.Stored run(Sql tx, Principal p, Parsed<B> body) throws SQLException;
    }

    /** A request body read ahead: {@link #get} returns it, or throws the problem reading it raised. */
    record Parsed<B>(B value, Problem problem) {
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
    <T> T body(Context ctx, Class<T> type) {
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

    String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String id(Context ctx) {
        return ctx.pathParam("id");
    }

    static <T> T found(Optional<T> value, String what, Context ctx) {
        return value.orElseThrow(() -> Problem.notFound("No " + what + " '" + id(ctx) + "'."));
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version in {@code If-Match}; 428 if missing, 400 if not a version. */
    static long ifMatch(Context ctx) {
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

    static int limit(Context ctx) {
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
    static String cursor(Context ctx) {
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

    static void page(Context ctx, Page<?> page) {
        ctx.json(new Page<>(page.items(), encode(page.nextCursor())));
    }

    static ListQuery list(Context ctx, String... filters) {
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

    static <E extends Enum<E>> E enumParam(Context ctx, String name, Class<E> type) {
        String s = ctx.queryParam(name);
        return s == null || s.isBlank() ? null : parseEnum(s, name, type);
    }

    static <E extends Enum<E>> E parseEnum(String s, String name, Class<E> type) {
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(name + " must be one of " + Arrays.toString(type.getEnumConstants()) + ", got '" + s + "'.");
        }
    }

    static BigDecimal decimal(Context ctx, String name) {
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

    static LocalDate date(Context ctx, String name) {
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

    static long parseLong(String s, String name) {
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
