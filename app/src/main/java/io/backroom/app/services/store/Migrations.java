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
                        "CREATE INDEX outbox_target ON outbox(actor, kind, target, id)")),
                new Migration(6, "one audit chain per user: chains with their heads and push cursors", List.of(
                        // Each user's entries go on their own chain (owner); the entries of a home from
                        // before, of whoever was signed in, stay on the installation's first chain (owner
                        // NULL) under its old source, so what was pushed of it still matches the gateway.
                        """
                        CREATE TABLE audit_chain (
                            id         INTEGER PRIMARY KEY,
                            source     TEXT NOT NULL UNIQUE,
                            owner      TEXT UNIQUE,
                            head_seq   INTEGER NOT NULL,
                            head_hash  TEXT,
                            pushed_seq INTEGER NOT NULL,
                            pushed_at  TEXT
                        )""",
                        """
                        INSERT INTO audit_source(id, source)
                        SELECT 1, 'console-' || lower(hex(randomblob(16)))
                        WHERE NOT EXISTS (SELECT 1 FROM audit_source) AND EXISTS (SELECT 1 FROM audit_entry)""",
                        """
                        INSERT INTO audit_chain(id, source, owner, head_seq, head_hash, pushed_seq, pushed_at)
                        SELECT 1, (SELECT source FROM audit_source WHERE id = 1), NULL,
                               COALESCE((SELECT seq FROM audit_head WHERE id = 1), 0),
                               (SELECT hash FROM audit_head WHERE id = 1),
                               COALESCE((SELECT seq FROM audit_push_cursor WHERE id = 1), 0),
                               (SELECT pushed_at FROM audit_push_cursor WHERE id = 1)
                        WHERE EXISTS (SELECT 1 FROM audit_entry) OR EXISTS (SELECT 1 FROM audit_head)""",
                        """
                        CREATE TABLE audit_entry_chained (
                            id          INTEGER PRIMARY KEY AUTOINCREMENT,
                            chain       INTEGER NOT NULL,
                            seq         INTEGER NOT NULL,
                            recorded_at TEXT NOT NULL,
                            kind        TEXT NOT NULL,
                            actor       TEXT NOT NULL,
                            invoice_id  TEXT,
                            action      TEXT,
                            model_name  TEXT,
                            payload     TEXT NOT NULL,
                            prev_hash   TEXT NOT NULL,
                            hash        TEXT NOT NULL UNIQUE,
                            UNIQUE (chain, seq)
                        )""",
                        """
                        INSERT INTO audit_entry_chained(id, chain, seq, recorded_at, kind, actor, invoice_id, action,
                                                        model_name, payload, prev_hash, hash)
                        SELECT seq, 1, seq, recorded_at, kind, actor, invoice_id, action, model_name, payload,
                               prev_hash, hash
                        FROM audit_entry ORDER BY seq""",
                        "DROP TABLE audit_entry",
                        "ALTER TABLE audit_entry_chained RENAME TO audit_entry",
                        "CREATE INDEX audit_entry_time ON audit_entry(recorded_at)",
                        "CREATE INDEX audit_entry_invoice ON audit_entry(invoice_id)",
                        """
                        CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
                        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
                        """
                        CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
                        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
                        "DROP TABLE audit_head",
                        "DROP TABLE audit_push_cursor")));
    }
}
