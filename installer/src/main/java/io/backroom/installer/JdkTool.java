package io.backroom.installer;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.spi.ToolProvider;

/**
 * One JDK tool ({@code jdeps}, {@code jlink}, {@code jpackage}) run in this process through
 * {@link ToolProvider}, so the recipe uses the JDK that runs Maven on every operating system.
 */
final class JdkTool {
    private final String name;
    private final ToolProvider provider;

    private JdkTool(String name, ToolProvider provider) {
        this.name = name;
        this.provider = provider;
    }

    /** The tool, or empty when this JDK does not ship it (a JRE, or a JDK older than 16 for jpackage). */
    static Optional<JdkTool> find(String name) {
        return ToolProvider.findFirst(name).map(p -> new JdkTool(name, p));
    }

    /** The tool; throws naming the tool when this JDK does not ship it. */
    static JdkTool require(String name) {
        return find(name).orElseThrow(() -> new InstallerException("This JDK (" + System.getProperty("java.home")
                + ") has no '" + name + "' tool; use a full JDK 17 or newer."));
    }

    /** Runs the tool and returns its standard output; throws with its output when it fails. */
    String run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            code = provider.run(o, e, args.toArray(String[]::new));
        } catch (RuntimeException e) {
            // some tools throw instead of returning an exit code (jdeps on an unreadable jar)
            throw new InstallerException(name + " failed: " + e + "\n  arguments: " + String.join(" ", args), e);
        }
        if (code != 0) {
            throw new InstallerException(name + " failed (exit " + code + "): " + (err + "\n" + out).strip()
                    + "\n  arguments: " + String.join(" ", args));
        }
        return out.toString();
    }
}
