package io.backroom.app.services.store;

import java.util.List;

/** The schema of {@code <home>/console.db}, as the ordered list of its migrations. */
public final class Migrations {
    private Migrations() {
    }

    /** Every migration of this console version, oldest first. */
    public static List<Migration> all() {
        return List.of(
                new Migration(1, "settings", List.of("""
                        CREATE TABLE setting (
                            key   TEXT PRIMARY KEY,
                            value TEXT NOT NULL
                        )""")),
                new Migration(2, "append-only hash-chained audit log", List.of("""
                        CREATE TABLE audit_entry (
                            seq         INTEGER PRIMARY KEY,
                            recorded_at TEXT NOT NULL,
                            kind        TEXT NOT NULL,
                            actor       TEXT NOT NULL,
                            invoice_id  TEXT,
                            action      TEXT,
                            model_name  TEXT,
                            payload     TEXT NOT NULL,
                            prev_hash   TEXT NOT NULL,
                            hash        TEXT NOT NULL UNIQUE
                        )""",
                        "CREATE INDEX audit_entry_time ON audit_entry(recorded_at)",
                        "CREATE INDEX audit_entry_invoice ON audit_entry(invoice_id)",
                        """
                        CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
                        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
                        """
                        CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
                        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
                        """
                        CREATE TABLE audit_head (
                            id   INTEGER PRIMARY KEY CHECK (id = 1),
                            seq  INTEGER NOT NULL,
                            hash TEXT NOT NULL
                        )""",
                        """
                        CREATE TABLE audit_push_cursor (
                            id       INTEGER PRIMARY KEY CHECK (id = 1),
                            seq      INTEGER NOT NULL,
                            pushed_at TEXT NOT NULL
                        )""")),
                new Migration(3, "durable decision outbox", List.of("""
                        CREATE TABLE outbox (
                            id               INTEGER PRIMARY KEY AUTOINCREMENT,
                            idempotency_key  TEXT NOT NULL UNIQUE,
                            invoice_id       TEXT NOT NULL,
                            expected_version INTEGER,
                            action           TEXT NOT NULL,
                            payload          TEXT NOT NULL,
                            actor            TEXT NOT NULL,
                            created_at       TEXT NOT NULL,
                            state            TEXT NOT NULL,
                            attempts         INTEGER NOT NULL DEFAULT 0,
                            next_attempt_at  TEXT NOT NULL,
                            last_error       TEXT,
                            updated_at       TEXT NOT NULL
                        )""",
                        "CREATE INDEX outbox_state ON outbox(state, next_attempt_at)",
                        "CREATE INDEX outbox_invoice ON outbox(invoice_id, id)")),
                new Migration(4, "audit chain source id", List.of("""
                        CREATE TABLE audit_source (
                            id     INTEGER PRIMARY KEY CHECK (id = 1),
                            source TEXT NOT NULL
                        )""")),
                new Migration(5, "generic command outbox: any kind of command, pending items kept", List.of(
                        "ALTER TABLE outbox RENAME COLUMN invoice_id TO target",
                        "ALTER TABLE outbox ADD COLUMN kind TEXT NOT NULL DEFAULT 'invoice.decision'",
                        "DROP INDEX outbox_invoice",
                        "CREATE INDEX outbox_target ON outbox(actor, kind, target, id)")));
    }
}
