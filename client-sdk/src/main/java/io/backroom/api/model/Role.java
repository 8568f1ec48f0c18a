package io.backroom.api.model;

/** What a user may do. The server enforces every role; the console only mirrors it. */
public enum Role {
    AP_CLERK, AP_SUPERVISOR, LP_ANALYST, STORE_MANAGER, REGIONAL_MANAGER, DIRECTOR, INTEGRATION_ANALYST, ADMIN, BUYER
}
