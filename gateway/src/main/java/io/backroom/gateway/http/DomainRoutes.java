package io.backroom.gateway.http;

/**
 * The routes of one domain of the Ops API (accounts payable, master data, audit, events; approvals, loss
 * prevention, integration and insights to come), declared by the domain itself on the tables {@link ApiRoutes}
 * hands it. Handlers stay small: they read the request with {@link ApiRoutes}' shared mechanics and call the
 * domain's workflows, which know nothing of HTTP.
 */
interface DomainRoutes {
    /**
     * Declares the domain's routes.
     *
     * @param open routes anyone may call (sign-in)
     * @param api  routes behind authentication
     */
    void declare(RouteTable open, RouteTable api);
}
