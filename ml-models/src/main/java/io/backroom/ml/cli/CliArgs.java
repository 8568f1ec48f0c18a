package io.backroom.ml.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses {@code --name value} options (repeatable) after a sub-command; refuses unknown ones. */
final class CliArgs {
    private final Map<String, List<String>> values = new HashMap<>();

    CliArgs(List<String> args, Set<String> allowed) {
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (!name.startsWith("--") || !allowed.contains(name.substring(2))) {
                throw new UsageException("unknown option '" + name + "'; expected one of " + allowed.stream().sorted().map(a -> "--" + a).toList());
            }
            if (i + 1 >= args.size()) {
                throw new UsageException("option " + name + " needs a value");
            }
            values.computeIfAbsent(name.substring(2), k -> new ArrayList<>()).add(args.get(++i));
        }
    }

    String required(String name) {
        List<String> v = values.get(name);
        if (v == null) {
            throw new UsageException("option --" + name + " is required");
        }
        return v.get(v.size() - 1);
    }

    String optional(String name, String fallback) {
        List<String> v = values.get(name);
        return v == null ? fallback : v.get(v.size() - 1);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** A command line that cannot be run as given. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
