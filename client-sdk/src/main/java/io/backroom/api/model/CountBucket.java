package io.backroom.api.model;

/** A count of open holds (or invoices) under one key, such as a hold code or a supplier id. */
public record CountBucket(String key, String label, long count) {
}
