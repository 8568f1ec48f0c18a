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
    private final Set<String> declared;
    private final Handler guard;

    public RouteTable(RoutesConfig routes) {
        this(routes, new LinkedHashSet<>(), null);
    }

    private RouteTable(RoutesConfig routes, Set<String> declared, Handler guard) {
        this.routes = routes;
        this.declared = declared;
        this.guard = guard;
    }

    /** A view of this table whose routes first run {@code guard} (authentication, for example). */
    public RouteTable guardedBy(Handler guard) {
        return new RouteTable(routes, declared, guard);
    }

    private Handler wrap(Handler handler) {
        if (guard == null) {
            return handler;
        }
        return ctx -> {
            guard.handle(ctx);
            handler.handle(ctx);
        };
    }

    public RouteTable get(String path, Handler handler) {
        routes.get(path, wrap(handler));
        return record("GET", path);
    }

    public RouteTable post(String path, Handler handler) {
        routes.post(path, wrap(handler));
        return record("POST", path);
    }

    public RouteTable put(String path, Handler handler) {
        routes.put(path, wrap(handler));
        return record("PUT", path);
    }

    public RouteTable patch(String path, Handler handler) {
        routes.patch(path, wrap(handler));
        return record("PATCH", path);
    }

    public RouteTable delete(String path, Handler handler) {
        routes.delete(path, wrap(handler));
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
