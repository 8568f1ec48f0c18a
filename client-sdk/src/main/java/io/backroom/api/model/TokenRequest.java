package io.backroom.api.model;

/** Body of {@code POST /api/v1/auth/token}: the user's credentials. */
public record TokenRequest(String username, String password) {
    @Override
    public String toString() {
        return "TokenRequest[username=" + username + ", password=***]";
    }
}
