package io.backroom.api.model;

/**
 * A store.
 *
 * @param sizeTier {@code SMALL}, {@code MEDIUM}, {@code LARGE} or {@code FLAGSHIP}
 */
public record Store(String id, String name, String regionId, String city, String sizeTier) {
}
