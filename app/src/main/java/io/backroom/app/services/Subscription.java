package io.backroom.app.services;

/**
 * What registering a listener returns: cancelling it removes the listener. Workspaces keep theirs
 * while shown and cancel them on deactivation, so nothing they registered outlives them.
 */
@FunctionalInterface
public interface Subscription {
    /** Removes the listener; calling it again does nothing. */
    void cancel();
}
