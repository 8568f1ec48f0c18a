/**
 * The entities of the synthetic retailer, one record per JSON Lines row. Money is {@link java.math.BigDecimal}
 * (written as a decimal string), dates are ISO-8601 {@link java.time.LocalDate}, moments are UTC
 * {@link java.time.Instant}. Ids are strings. See {@code sample-data/README.md} for the file layout.
 */
package io.backroom.sampledata.model;
