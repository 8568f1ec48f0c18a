package io.backroom.gateway.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Declares the API's routes on Javalin and remembers each as {@code "METHOD /path"}, so that a test
 * can hold the served routes against the OpenAPI contract. Path parameters use OpenAPI's
 * {@code {name}} form, which Javalin also accepts.
 */
public final class RouteTable {
    private final RoutesConfig routes;
    private final Set<String> declared = new LinkedHashSet<>();

    public RouteTable(RoutesConfig routes) {
        this.routes = routes;
    }

    public RouteTable get(String path, Handler handler) {
        routes.get(path, handler);
        return record("GET", path);
    }

    public RouteTable post(String path, Handler handler) {
        routes.post(path, handler);
        return record("POST", path);
    }

    public RouteTable put(String path, Handler handler) {
        routes.put(path, handler);
        return record("PUT", path);
    }

    public RouteTable delete(String path, Handler handler) {
        routes.delete(path, handler);
        return record("DELETE", path);
    }

    private RouteTable record(String method, String path) {
        if (!declared.add(method + " " + path)) {
            throw new IllegalStateException("Route declared twice: " + method + " " + path);
        }
        return this;
    }

    /** Every route declared so far, as {@code "METHOD /path"}. */
    public Set<String> declared() {
        return Collections.unmodifiableSet(declared);
    }
}
