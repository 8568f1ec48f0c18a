package io.backroom.sampledata.model;

/** What accounts payable did with a held invoice. */
public enum Decision {
    RELEASE, REQUEST_CREDIT_MEMO, ROUTE_TO_BUYER, REJECT, WAIT_FOR_RECEIPT
}
