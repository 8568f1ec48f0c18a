package io.backroom.sampledata.labels;

/** Why an invoice problem happened. */
public enum RootCause {
    NONE,
    /** The supplier raised its price and the buyer did not update the PO: the new price is legitimate. */
    SUPPLIER_PRICE_INCREASE_NOT_ON_PO,
    /** The supplier billed a wrong price. */
    SUPPLIER_PRICING_ERROR,
    /** The supplier billed more than it shipped. */
    SHORT_SHIPMENT_BILLED_IN_FULL,
    /** The supplier billed more than was ordered. */
    OVER_BILLING,
    /** Goods are still on their way; the invoice came first. */
    GOODS_IN_TRANSIT,
    /** Goods arrived but the store posted the receipt late. */
    RECEIPT_POSTED_LATE,
    /** The supplier sent the same invoice again (same or re-formatted number). */
    SUPPLIER_RESUBMISSION,
    /** Freight billed although the PO's terms say delivered free. */
    FREIGHT_NOT_AGREED,
    /** Freight billed and agreed by the buyer outside the PO. */
    FREIGHT_AGREED_OFF_PO,
    /** The supplier applied the wrong tax rate or mis-added the tax. */
    WRONG_TAX_RATE,
    /** The PO number on the invoice has a typo. */
    PO_NUMBER_TYPO,
    /** The invoice belongs to another company or was sent in error. */
    NOT_OUR_ORDER,
    /** The PO was already fully invoiced and closed. */
    INVOICED_AFTER_CLOSE
}
