-- Financial controls (issue 21): who did which duty on a purchase order, the tax rate agreed per PO line, and who
-- owns each console's audit source. Plain SQL that SQLite and PostgreSQL both run.

-- One row per document a person entered that counts for separation of duties: the purchase order itself
-- (duty ORDER) and each goods receipt (duty RECEIVE). Invoices carry their own entered_by / edited_by.
CREATE TABLE po_duties (
  doc_id TEXT NOT NULL,
  duty TEXT NOT NULL,
  po_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (duty, doc_id)
);
CREATE INDEX po_duties_po ON po_duties(po_id, duty, user_id);

-- The tax rate (percent) agreed on a PO line, when the PO states one.
CREATE TABLE po_line_tax (
  po_id TEXT NOT NULL,
  line_no INTEGER NOT NULL,
  tax_rate TEXT NOT NULL,
  PRIMARY KEY (po_id, line_no)
);

-- The user who sent a console's first audit batch owns that source; nobody else may append to it.
CREATE TABLE audit_sources (
  source TEXT PRIMARY KEY,
  owner_user_id TEXT NOT NULL,
  created_at TEXT NOT NULL
);
