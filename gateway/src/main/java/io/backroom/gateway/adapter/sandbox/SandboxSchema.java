package io.backroom.gateway.adapter.sandbox;

import io.backroom.gateway.store.Database;

/**
 * The sandbox ERP's own schema (its users, master data, purchase orders, goods receipts, postings): Flyway scripts at
 * {@value #LOCATION}, recorded in {@value #HISTORY}, apart from the gateway's schema. The sandbox adapters migrate it
 * when they are created, so a gateway over another ERP never creates these tables.
 *
 * <p>A database from before the split already holds these tables, created by the gateway's own V1 (and V21 for
 * {@code po_line_tax}), with no sandbox history: the sandbox history is then baselined at the version those tables
 * correspond to, and only the later scripts run.
 */
public final class SandboxSchema {
    static final String LOCATION = "classpath:io/backroom/gateway/adapter/sandbox/db";
    static final String HISTORY = "sandbox_erp_schema_history";

    private SandboxSchema() {
    }

    /** Migrates the sandbox ERP's schema in {@code db} to its latest version and returns that version. */
    public static int migrate(Database db) {
        return db.migrateOwnedSchema(LOCATION, HISTORY, existingVersion(db));
    }

    /** The version the sandbox ERP's tables already in {@code db} (without a sandbox history) stand for; 0 if none. */
    private static int existingVersion(Database db) {
        if (db.hasTable("po_line_tax")) {
            return 2;
        }
        return db.hasTable("suppliers") ? 1 : 0;
    }
}
