-- The sandbox ERP's schema, version 1: its users, master data and AP slice (stores, suppliers, items, purchase
-- orders and their lines, goods receipts and their lines, the postings it accepted). Migrated by SandboxSchema when
-- the sandbox adapter is created, into its own history table (sandbox_erp_schema_history); the gateway core never
-- reads these tables. Portable SQL (SQLite and PostgreSQL).

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT,
  email TEXT,
  roles TEXT NOT NULL,
  region_id TEXT,
  store_id TEXT,
  release_limit TEXT,
  approval_limit TEXT NOT NULL,
  currency TEXT NOT NULL,
  password_hash TEXT,
  password_salt TEXT,
  password_iterations INTEGER
);

CREATE TABLE stores (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  region_id TEXT,
  city TEXT,
  size_tier TEXT
);

CREATE TABLE suppliers (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT,
  country TEXT,
  currency TEXT NOT NULL,
  terms_code TEXT,
  net_days INTEGER,
  discount_percent TEXT,
  discount_days INTEGER,
  tax_rate TEXT,
  risk TEXT,
  blocked INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE items (
  id TEXT PRIMARY KEY,
  sku TEXT,
  name TEXT NOT NULL,
  category TEXT,
  unit TEXT,
  cost TEXT,
  currency TEXT,
  supplier_id TEXT
);
CREATE INDEX items_category ON items(category);

CREATE TABLE purchase_orders (
  id TEXT PRIMARY KEY,
  supplier_id TEXT NOT NULL,
  store_id TEXT NOT NULL,
  buyer_user_id TEXT,
  order_date TEXT NOT NULL,
  expected_date TEXT,
  currency TEXT NOT NULL,
  status TEXT NOT NULL,
  total TEXT NOT NULL,
  agreed_freight TEXT,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX purchase_orders_supplier ON purchase_orders(supplier_id);

CREATE TABLE po_lines (
  po_id TEXT NOT NULL,
  line_no INTEGER NOT NULL,
  item_id TEXT,
  description TEXT,
  category TEXT,
  quantity TEXT NOT NULL,
  unit TEXT,
  unit_price TEXT NOT NULL,
  PRIMARY KEY (po_id, line_no)
);

CREATE TABLE goods_receipts (
  id TEXT PRIMARY KEY,
  po_id TEXT NOT NULL,
  store_id TEXT,
  received_on TEXT NOT NULL,
  delivery_note TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX goods_receipts_po ON goods_receipts(po_id);

CREATE TABLE gr_lines (
  gr_id TEXT NOT NULL,
  po_id TEXT NOT NULL,
  po_line_no INTEGER NOT NULL,
  quantity TEXT NOT NULL,
  PRIMARY KEY (gr_id, po_line_no)
);
CREATE INDEX gr_lines_po ON gr_lines(po_id, po_line_no);

CREATE TABLE postings (
  id TEXT PRIMARY KEY,
  invoice_id TEXT NOT NULL UNIQUE,
  amount TEXT NOT NULL,
  currency TEXT NOT NULL,
  posted_at TEXT NOT NULL,
  posted_by TEXT NOT NULL
);
