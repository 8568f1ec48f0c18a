package io.backroom.app.ui.shell;

import io.backroom.app.AppContext;
import io.backroom.app.tasks.TaskExecutor;
import io.backroom.app.ui.common.LayoutMemory;
import io.backroom.app.ui.keys.KeyBindingRepository;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/**
 * What a workspace is built from: the console's services (the signed-in session included), the
 * task executor, the shortcut registry, remembered layouts and the start-up settings.
 *
 * @param app          the running console
 * @param executor     runs slow work off the FX thread
 * @param keys         the shortcut registry
 * @param layouts      remembered table layouts
 * @param settings     the settings as they were at start-up
 * @param zone         the zone times are shown in
 * @param feedInterval how often a shown workspace polls the gateway's change feed
 */
public record WorkspaceContext(AppContext app, TaskExecutor executor, KeyBindingRepository keys, LayoutMemory layouts,
                               Map<String, String> settings, ZoneId zone, Duration feedInterval) {
    /** The signed-in user's name ("unknown" when nobody is). */
    public String username() {
        return app.session().map(io.backroom.app.services.session.UserSession::username).orElse("unknown");
    }
}
