package io.backroom.sampledata.model;

import java.time.LocalDate;

/** A store employee who works POS registers; not a console user. */
public record Cashier(String id, String storeId, String name, LocalDate hireDate) {
}
