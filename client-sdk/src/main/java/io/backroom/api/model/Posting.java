package io.backroom.api.model;

import java.time.Instant;

/** The financial posting a release (or a touchless match) creates: the amount now payable. */
public record Posting(String id, Money amount, Instant postedAt, String postedBy) {
}
