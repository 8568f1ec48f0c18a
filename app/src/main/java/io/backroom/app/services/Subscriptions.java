package io.backroom.app.services;

import java.util.ArrayList;
import java.util.List;

/**
 * The listeners one owner (a shown workspace) holds, cancelled together. Not thread-safe: used on
 * the thread that activates and deactivates the owner.
 */
public final class Subscriptions {
    private final List<Subscription> live = new ArrayList<>();

    /** Keeps {@code subscription} until {@link #cancelAll()}; returns it. */
    public Subscription add(Subscription subscription) {
        live.add(subscription);
        return subscription;
    }

    /** Cancels every subscription held, newest first. */
    public void cancelAll() {
        for (int i = live.size() - 1; i >= 0; i--) {
            live.get(i).cancel();
        }
        live.clear();
    }

    /** How many are held now. */
    public int size() {
        return live.size();
    }
}
