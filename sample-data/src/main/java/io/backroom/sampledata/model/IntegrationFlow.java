package io.backroom.sampledata.model;

/** Message flows between the retailer's systems. */
public enum IntegrationFlow {
    POS_SALES_TO_ERP, WMS_RECEIPTS_TO_ERP, ERP_PO_TO_SUPPLIER_PORTAL, SUPPLIER_PORTAL_CONFIRMATIONS_TO_ERP,
    SUPPLIER_PORTAL_INVOICES_TO_ERP, ERP_PRICES_TO_POS
}
