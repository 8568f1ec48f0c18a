package io.backroom.sampledata.model;

/** What a console user may do. */
public enum Role {
    AP_CLERK, AP_SUPERVISOR, LP_ANALYST, STORE_MANAGER, REGIONAL_MANAGER, DIRECTOR, INTEGRATION_ANALYST, ADMIN, BUYER, LP_LEAD,
    FINANCE_LEAD, MERCHANDISER
}
