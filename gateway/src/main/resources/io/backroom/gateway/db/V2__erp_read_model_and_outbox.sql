-- The gateway's own state about the ERP, version 2. Only the gateway core reads and writes these tables; the ERP
-- adapters own theirs (the sandbox ERP's users, stores, suppliers, items, purchase_orders, po_lines,
-- goods_receipts, gr_lines and postings of V1), even when both live in one database file.
-- Portable SQL (SQLite and PostgreSQL): ${id} is the dialect's auto-increment key.

-- The read model: what the gateway needs from the ERP for its own work (names for lists and metrics, purchase
-- order lines and received quantities for the match), refreshed from the ERP port and written through by intake.
-- body is the Ops API record as JSON; the other columns are what the gateway's queries filter, join or sort on.
CREATE TABLE rm_suppliers (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  body TEXT NOT NULL,
  refreshed_at TEXT NOT NULL
);

CREATE TABLE rm_stores (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  region_id TEXT,
  body TEXT NOT NULL,
  refreshed_at TEXT NOT NULL
);

CREATE TABLE rm_items (
  id TEXT PRIMARY KEY,
  category TEXT,
  body TEXT NOT NULL,
  refreshed_at TEXT NOT NULL
);

CREATE TABLE rm_users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL,
  body TEXT NOT NULL,
  refreshed_at TEXT NOT NULL
);

CREATE TABLE rm_purchase_orders (
  id TEXT PRIMARY KEY,
  supplier_id TEXT NOT NULL,
  store_id TEXT NOT NULL,
  status TEXT NOT NULL,
  body TEXT NOT NULL,
  refreshed_at TEXT NOT NULL
);
CREATE INDEX rm_purchase_orders_supplier ON rm_purchase_orders(supplier_id, id);
CREATE INDEX rm_purchase_orders_store ON rm_purchase_orders(store_id, id);

CREATE TABLE rm_po_lines (
  po_id TEXT NOT NULL,
  line_no INTEGER NOT NULL,
  category TEXT,
  PRIMARY KEY (po_id, line_no)
);

CREATE TABLE rm_goods_receipts (
  id TEXT PRIMARY KEY,
  po_id TEXT NOT NULL,
  store_id TEXT,
  body TEXT NOT NULL,
  refreshed_at TEXT NOT NULL
);
CREATE INDEX rm_goods_receipts_po ON rm_goods_receipts(po_id, id);
CREATE INDEX rm_goods_receipts_store ON rm_goods_receipts(store_id, id);

CREATE TABLE rm_received (
  gr_id TEXT NOT NULL,
  po_id TEXT NOT NULL,
  po_line_no INTEGER NOT NULL,
  quantity TEXT NOT NULL,
  PRIMARY KEY (gr_id, po_line_no)
);
CREATE INDEX rm_received_po ON rm_received(po_id, po_line_no);

-- The payables the gateway created when it released an invoice; erp_reference and acknowledged_at are set when
-- the ERP acknowledged the posting (delivered through erp_outbox).
CREATE TABLE ap_postings (
  invoice_id TEXT PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  amount TEXT NOT NULL,
  currency TEXT NOT NULL,
  posted_at TEXT NOT NULL,
  posted_by TEXT NOT NULL,
  erp_reference TEXT,
  acknowledged_at TEXT
);

-- What the ERP must learn, written in the transaction that decided it and delivered after commit, in order, by
-- the outbox sender; message_key is the ERP-side idempotency key (a posting's is its invoice id), unique so that
-- one decision can never queue two messages. status: PENDING, DELIVERED, or FAILED (the ERP refused it).
CREATE TABLE erp_outbox (
  seq ${id},
  kind TEXT NOT NULL,
  message_key TEXT NOT NULL UNIQUE,
  payload TEXT NOT NULL,
  created_at TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  delivered_at TEXT,
  last_error TEXT
);
CREATE INDEX erp_outbox_status ON erp_outbox(status, seq);

-- Upgrading a database of the first schema: the payables released before this version were recorded only in the
-- sandbox ERP's postings; the gateway takes its own record of them, acknowledged (the ERP has them).
INSERT INTO ap_postings (invoice_id, id, amount, currency, posted_at, posted_by, erp_reference, acknowledged_at)
  SELECT invoice_id, id, amount, currency, posted_at, posted_by, id, posted_at FROM postings;
