-- The tax rate (percent) agreed on a PO line, when the PO states one (issue 21; created by the gateway's V21 before
-- the schema split).
CREATE TABLE po_line_tax (
  po_id TEXT NOT NULL,
  line_no INTEGER NOT NULL,
  tax_rate TEXT NOT NULL,
  PRIMARY KEY (po_id, line_no)
);
