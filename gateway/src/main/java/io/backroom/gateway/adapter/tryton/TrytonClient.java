package io.backroom.gateway.adapter.tryton;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backroom.gateway.core.erp.ErpException;
import io.backroom.gateway.core.erp.ErpUnavailableException;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A small JSON-RPC client for trytond 6.0: {@code POST /DB/} with {@code common.db.login}, then calls carrying
 * {@code Authorization: Session base64(user:id:session)}. Dates, decimals and datetimes travel in Tryton's
 * {@code __class__} encoding ({@link #encode}, {@link #decode}). A call that could not connect is retried (it was
 * never sent); a timeout is not (a write may have been applied); an expired session (HTTP 401/403) is renewed once.
 */
public final class TrytonClient {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http;
    private final URI endpoint;
    private final String user;
    private final String password;
    private final Duration timeout;
    private final int connectRetries;
    private volatile String authorization;
    private volatile int userId;

    public TrytonClient(URI baseUrl, String database, String user, String password, Duration timeout,
            int connectRetries) {
        this.endpoint = baseUrl.resolve("/" + database + "/");
        this.user = user;
        this.password = password;
        this.timeout = timeout;
        this.connectRetries = connectRetries;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Logs in (again); returns the user id. */
    public synchronized int login() {
        JsonNode r = send("common.db.login", List.of(user, Map.of("password", password)), false);
        userId = r.get(0).asInt();
        authorization = "Session " + Base64.getEncoder().encodeToString(
                (user + ":" + userId + ":" + r.get(1).asText()).getBytes(StandardCharsets.UTF_8));
        return userId;
    }

    public int userId() {
        return userId;
    }

    /** {@code model.<model>.<method>(args..., context)}; the answer decoded to plain JSON. */
    public JsonNode model(String model, String method, Map<String, Object> context, Object... args) {
        List<Object> params = new java.util.ArrayList<>(java.util.Arrays.asList(args));
        params.add(context);
        return call("model." + model + "." + method, params);
    }

    /** Any method (a wizard's {@code wizard.<name>.execute}, ...). */
    public JsonNode call(String method, List<Object> params) {
        if (authorization == null) {
            login();
        }
        try {
            return send(method, params, true);
        } catch (SessionExpired e) {
            login();
            return send(method, params, true);
        }
    }

    private static final class SessionExpired extends RuntimeException {
        SessionExpired() {
            super("session expired");
        }
    }

    private JsonNode send(String method, List<Object> params, boolean authenticated) {
        ObjectNode body = NODES.objectNode();
        body.put("id", 1);
        body.put("method", method);
        body.set("params", encode(params));
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (authenticated && authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpResponse<String> response = null;
        for (int attempt = 0; response == null; attempt++) {
            try {
                response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException e) {
                if (attempt >= connectRetries) {
                    throw new ErpUnavailableException("Tryton does not accept connections at " + endpoint, e);
                }
                pause(attempt);
            } catch (HttpTimeoutException e) {
                throw new ErpUnavailableException("Tryton did not answer " + method + " within " + timeout, e);
            } catch (IOException e) {
                throw new ErpUnavailableException("Tryton call " + method + " failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ErpUnavailableException("Interrupted calling Tryton", e);
            }
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            if (authenticated) {
                throw new SessionExpired();
            }
            throw new ErpException("Tryton refused the login of " + user);
        }
        if (response.statusCode() >= 500) {
            throw new ErpUnavailableException("Tryton answered HTTP " + response.statusCode() + " to " + method);
        }
        JsonNode answer;
        try {
            answer = mapper.readTree(response.body());
        } catch (IOException e) {
            throw new ErpUnavailableException("Tryton's answer to " + method + " is not JSON", e);
        }
        JsonNode error = answer.get("error");
        if (error != null && !error.isNull()) {
            throw new ErpException("Tryton refused " + method + ": " + error);
        }
        return decode(answer.get("result"));
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(2000, 100L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Java values to Tryton JSON: LocalDate, LocalDateTime and BigDecimal become {@code __class__} objects. */
    public static JsonNode encode(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof JsonNode n) {
            return n;
        }
        if (value instanceof LocalDate d) {
            ObjectNode o = NODES.objectNode().put("__class__", "date");
            return o.put("year", d.getYear()).put("month", d.getMonthValue()).put("day", d.getDayOfMonth());
        }
        if (value instanceof LocalDateTime t) {
            ObjectNode o = NODES.objectNode().put("__class__", "datetime");
            return o.put("year", t.getYear()).put("month", t.getMonthValue()).put("day", t.getDayOfMonth())
                    .put("hour", t.getHour()).put("minute", t.getMinute()).put("second", t.getSecond())
                    .put("microsecond", t.getNano() / 1000);
        }
        if (value instanceof BigDecimal d) {
            return NODES.objectNode().put("__class__", "Decimal").put("decimal", d.toPlainString());
        }
        if (value instanceof Map<?, ?> m) {
            ObjectNode o = NODES.objectNode();
            m.forEach((k, v) -> o.set(String.valueOf(k), encode(v)));
            return o;
        }
        if (value instanceof Iterable<?> it) {
            ArrayNode a = NODES.arrayNode();
            it.forEach(v -> a.add(encode(v)));
            return a;
        }
        if (value instanceof Object[] arr) {
            return encode(java.util.Arrays.asList(arr));
        }
        if (value instanceof Boolean bo) {
            return NODES.booleanNode(bo);
        }
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Double dd) {
            return NODES.numberNode(dd);
        }
        return NODES.textNode(value.toString());
    }

    /** Tryton JSON to plain JSON: a Decimal becomes its string, a date {@code YYYY-MM-DD}, a datetime ISO (UTC). */
    public static JsonNode decode(JsonNode node) {
        if (node == null) {
            return NODES.nullNode();
        }
        if (node.isObject()) {
            JsonNode cls = node.get("__class__");
            if (cls != null) {
                switch (cls.asText()) {
                    case "Decimal" -> {
                        return NODES.textNode(node.get("decimal").asText());
                    }
                    case "date" -> {
                        return NODES.textNode(LocalDate.of(node.get("year").asInt(), node.get("month").asInt(),
                                node.get("day").asInt()).toString());
                    }
                    case "datetime" -> {
                        return NODES.textNode(LocalDateTime.of(node.get("year").asInt(), node.get("month").asInt(),
                                node.get("day").asInt(), node.path("hour").asInt(), node.path("minute").asInt(),
                                node.path("second").asInt(), node.path("microsecond").asInt() * 1000).toString());
                    }
                    default -> {
                        return node;
                    }
                }
            }
            ObjectNode o = NODES.objectNode();
            node.fields().forEachRemaining(e -> o.set(e.getKey(), decode(e.getValue())));
            return o;
        }
        if (node.isArray()) {
            ArrayNode a = NODES.arrayNode();
            node.forEach(v -> a.add(decode(v)));
            return a;
        }
        return node;
    }
}
