package io.backroom.gateway.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Collects what is wrong with a request body, field by field, and throws one validation problem for all. */
public final class Violations {
    private final List<Problem.FieldError> errors = new ArrayList<>();

    public Violations add(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
        return this;
    }

    /** Records "is required" when {@code value} is null or blank; returns whether it was present. */
    public boolean required(String field, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            add(field, "is required");
            return false;
        }
        return true;
    }

    public void maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "must be at most " + max + " characters, got " + value.length());
        }
    }

    public void positive(String field, BigDecimal value) {
        if (required(field, value) && value.signum() <= 0) {
            add(field, "must be greater than zero, got " + value.toPlainString());
        }
    }

    public void notNegative(String field, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            add(field, "must not be negative, got " + value.toPlainString());
        }
    }

    /** A document line number: 1 or more, and not repeated within the document ({@code seen} collects them). */
    public void lineNumber(String field, int lineNo, java.util.Set<Integer> seen) {
        if (lineNo < 1) {
            add(field, "must be 1 or more, got " + lineNo);
        } else if (!seen.add(lineNo)) {
            add(field, "repeats line " + lineNo);
        }
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Throws a 400 validation problem if anything was recorded. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw Problem.validation(errors);
        }
    }
}
