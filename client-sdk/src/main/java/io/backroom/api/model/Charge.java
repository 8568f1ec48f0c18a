package io.backroom.api.model;

/**
 * A header-level charge outside the lines, net of tax.
 *
 * @param type {@code FREIGHT}, {@code HANDLING}, {@code FUEL_SURCHARGE} or {@code INSURANCE}
 */
public record Charge(String type, String description, Money amount) {
}
