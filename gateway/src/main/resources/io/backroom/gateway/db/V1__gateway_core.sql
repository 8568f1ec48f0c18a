-- Backroom gateway schema, version 1: the gateway's own state (invoices, holds, decisions, tokens, documents,
-- tolerance policy, audit log, change feed, idempotency keys, seeding progress). The ERP adapters own their tables in
-- their own Flyway locations and history tables (the sandbox ERP: adapter/sandbox/db, sandbox_erp_schema_history).
-- Until the split this version was V1__ap_slice.sql and also created the sandbox ERP's tables; Database recognises
-- such a history (see docs/architecture.md).
-- Portable SQL: ${id} is the dialect's auto-increment key, ${blob} its binary type (see SqlDialect).
-- Money amounts are exact decimal strings (TEXT) with an integer copy in 1/10000 units (*_e4) for range
-- filters and sorting; booleans are 0/1 integers.

CREATE TABLE tokens (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE invoices (
  id TEXT PRIMARY KEY,
  seq BIGINT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  invoice_number TEXT NOT NULL,
  number_norm TEXT NOT NULL,
  supplier_id TEXT NOT NULL,
  po_reference TEXT,
  store_id TEXT,
  invoice_date TEXT NOT NULL,
  received_on TEXT,
  due_date TEXT NOT NULL,
  discount_date TEXT,
  currency TEXT NOT NULL,
  status TEXT NOT NULL,
  subtotal TEXT NOT NULL,
  tax_amount TEXT NOT NULL,
  computed_tax TEXT,
  total TEXT NOT NULL,
  total_e4 BIGINT NOT NULL,
  hold_codes TEXT NOT NULL,
  assignee_user_id TEXT,
  credited_invoice_id TEXT,
  entered_by TEXT NOT NULL,
  edited_by TEXT NOT NULL,
  has_document INTEGER NOT NULL DEFAULT 0,
  body TEXT NOT NULL,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  held_at TEXT
);
CREATE INDEX invoices_status ON invoices(status, id);
CREATE INDEX invoices_status_total ON invoices(status, total_e4, id);
CREATE INDEX invoices_status_due ON invoices(status, due_date, id);
CREATE INDEX invoices_supplier ON invoices(supplier_id, id);
CREATE INDEX invoices_supplier_due ON invoices(supplier_id, due_date, id);
CREATE INDEX invoices_store ON invoices(store_id, id);
CREATE INDEX invoices_store_due ON invoices(store_id, due_date, id);
CREATE INDEX invoices_po ON invoices(po_reference, seq);
CREATE INDEX invoices_dup_number ON invoices(supplier_id, number_norm);
CREATE INDEX invoices_dup_amount ON invoices(supplier_id, invoice_date, total_e4);
CREATE INDEX invoices_due ON invoices(due_date, id);
CREATE INDEX invoices_total ON invoices(total_e4, id);
CREATE INDEX invoices_credited ON invoices(credited_invoice_id);

CREATE TABLE invoice_lines (
  invoice_id TEXT NOT NULL,
  line_no INTEGER NOT NULL,
  po_line_no INTEGER,
  quantity TEXT NOT NULL,
  net_amount TEXT NOT NULL,
  PRIMARY KEY (invoice_id, line_no)
);
CREATE INDEX invoice_lines_po ON invoice_lines(po_line_no);

CREATE TABLE holds (
  id TEXT PRIMARY KEY,
  invoice_id TEXT NOT NULL,
  code TEXT NOT NULL,
  line_no INTEGER,
  message TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at TEXT NOT NULL,
  resolved_at TEXT,
  resolved_by TEXT
);
CREATE INDEX holds_invoice ON holds(invoice_id);
CREATE INDEX holds_open_code ON holds(status, code, invoice_id);

CREATE TABLE decisions (
  id TEXT PRIMARY KEY,
  invoice_id TEXT NOT NULL,
  type TEXT NOT NULL,
  actor TEXT NOT NULL,
  is_system INTEGER NOT NULL,
  reason TEXT,
  note TEXT,
  assignee_user_id TEXT,
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  posting_id TEXT,
  decided_at TEXT NOT NULL
);
CREATE INDEX decisions_invoice ON decisions(invoice_id);

CREATE TABLE invoice_history (
  id ${id},
  invoice_id TEXT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT
);
CREATE INDEX invoice_history_invoice ON invoice_history(invoice_id);

CREATE TABLE documents (
  invoice_id TEXT PRIMARY KEY,
  content ${blob} NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  uploaded_at TEXT NOT NULL,
  uploaded_by TEXT NOT NULL
);

CREATE TABLE tolerance_policy (
  id INTEGER PRIMARY KEY,
  body TEXT NOT NULL,
  version BIGINT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);

CREATE TABLE audit_events (
  seq ${id},
  id TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL,
  sequence BIGINT NOT NULL,
  occurred_at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject_type TEXT,
  subject_id TEXT,
  payload TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  received_at TEXT NOT NULL,
  UNIQUE (source, sequence)
);

CREATE TABLE change_events (
  seq ${id},
  type TEXT NOT NULL,
  resource_type TEXT NOT NULL,
  resource_id TEXT NOT NULL,
  version BIGINT NOT NULL,
  occurred_at TEXT NOT NULL
);

CREATE TABLE idempotency_keys (
  principal TEXT NOT NULL,
  idem_key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status INTEGER NOT NULL,
  content_type TEXT,
  location TEXT,
  etag TEXT,
  body TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (principal, idem_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys(created_at);

-- Progress of loading a data set's documents in the background (seeding resumes from here after a restart).
CREATE TABLE seed_progress (
  name TEXT PRIMARY KEY,
  applied BIGINT NOT NULL,
  total BIGINT NOT NULL
);
