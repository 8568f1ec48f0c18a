package io.backroom.app.services.store;

import java.util.List;

/**
 * One step of the local schema. Versions are applied in order, each once, inside one transaction
 * with the row that records it; a released migration is never edited, only followed by a new one.
 *
 * @param version    1, 2, 3, ... without gaps
 * @param name       what the step does, recorded beside the version
 * @param statements the SQL, run in order
 */
public record Migration(int version, String name, List<String> statements) {
    public Migration {
        if (version < 1) {
            throw new IllegalArgumentException("Migration versions start at 1, got " + version);
        }
        statements = List.copyOf(statements);
    }
}
