package io.backroom.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.backroom.gateway.adapter.sandbox.SandboxErp;
import io.backroom.gateway.adapter.sandbox.SandboxIdentity;
import io.backroom.gateway.ap.ApWorkflow;
import io.backroom.gateway.ap.TolerancePolicyStore;
import io.backroom.gateway.auth.PendingPasswords;
import io.backroom.gateway.core.erp.ErpPort;
import io.backroom.gateway.core.identity.IdentityPort;
import io.backroom.gateway.erpsync.ErpMirror;
import io.backroom.gateway.erpsync.ErpOutbox;
import io.backroom.gateway.erpsync.ReadModelRefresher;
import io.backroom.gateway.store.Database;
import java.time.Clock;
import java.util.function.UnaryOperator;

/**
 * The gateway's core wired to its adapters: the one place that chooses them (today the sandbox ERP and its users;
 * a Tryton connector or a directory would be chosen here, by configuration). The HTTP layer, the seeding and the
 * tools take their parts from here.
 */
public record GatewayCore(ErpPort erp, IdentityPort identity, ErpOutbox outbox, ErpMirror mirror,
        TolerancePolicyStore policies, ApWorkflow ap, ReadModelRefresher refresher) {

    /** The core over the sandbox ERP in {@code db}, its ERP port passed through {@code erpAdapter}. */
    public static GatewayCore sandbox(Database db, ObjectMapper mapper, Clock clock, PendingPasswords pending,
            UnaryOperator<ErpPort> erpAdapter) {
        ErpPort erp = erpAdapter.apply(new SandboxErp(db));
        IdentityPort identity = new SandboxIdentity(db, pending);
        ErpOutbox outbox = new ErpOutbox(mapper, clock);
        ErpMirror mirror = new ErpMirror(mapper, outbox, clock);
        TolerancePolicyStore policies = new TolerancePolicyStore(mapper);
        ApWorkflow ap = new ApWorkflow(mirror, policies, mapper, clock);
        ReadModelRefresher refresher = new ReadModelRefresher(db, mirror, erp, identity, ap::purchaseOrderRefreshed);
        return new GatewayCore(erp, identity, outbox, mirror, policies, ap, refresher);
    }

    /** The core over the sandbox ERP in {@code db}. */
    public static GatewayCore sandbox(Database db, ObjectMapper mapper, Clock clock) {
        return sandbox(db, mapper, clock, new PendingPasswords(), erp -> erp);
    }
}
