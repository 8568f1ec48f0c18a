package io.backroom.gateway.http;

import static io.backroom.gateway.http.ApiRoutes.enumParam;
import static io.backroom.gateway.http.ApiRoutes.found;
import static io.backroom.gateway.http.ApiRoutes.id;
import static io.backroom.gateway.http.ApiRoutes.list;
import static io.backroom.gateway.http.ApiRoutes.page;

import io.backroom.api.model.Role;
import io.backroom.gateway.core.erp.ErpPort;
import io.backroom.gateway.core.identity.IdentityPort;

/** Master data, read through the ERP port and the identity port, outside any transaction. */
final class MasterDataRoutes implements DomainRoutes {
    private final ErpPort erp;
    private final IdentityPort identity;

    MasterDataRoutes(ErpPort erp, IdentityPort identity) {
        this.erp = erp;
        this.identity = identity;
    }

    @Override
    public void declare(RouteTable open, RouteTable api) {
        api.get("/api/v1/stores", ctx -> page(ctx, erp.stores(list(ctx, "regionId", "q"))));
        api.get("/api/v1/stores/{id}", ctx -> ctx.json(found(erp.store(id(ctx)), "store", ctx)));
        api.get("/api/v1/suppliers", ctx -> page(ctx, erp.suppliers(list(ctx, "blocked", "country", "q"))));
        api.get("/api/v1/suppliers/{id}", ctx -> ctx.json(found(erp.supplier(id(ctx)), "supplier", ctx)));
        api.get("/api/v1/items", ctx -> page(ctx, erp.items(list(ctx, "category", "supplierId", "q"))));
        api.get("/api/v1/items/{id}", ctx -> ctx.json(found(erp.item(id(ctx)), "item", ctx)));
        api.get("/api/v1/users", ctx -> {
            if (ctx.queryParam("role") != null) {
                enumParam(ctx, "role", Role.class);
            }
            page(ctx, identity.users(list(ctx, "role", "regionId", "q")));
        });
        api.get("/api/v1/users/{id}", ctx -> ctx.json(found(identity.user(id(ctx)), "user", ctx)));
    }
}
