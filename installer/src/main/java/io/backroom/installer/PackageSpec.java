package io.backroom.installer;

import java.nio.file.Path;
import java.util.List;

/**
 * What to package and where.
 *
 * @param appTarget   the {@code app} module's {@code target} folder (main jar and {@code lib/})
 * @param mainJarName the console's jar inside {@code appTarget}
 * @param mainClass   the launcher's main class
 * @param dest        where the app-image and installers are written
 * @param work        scratch folder (runtime, staged jars, icons)
 * @param name        application name (launcher, window class, installer name)
 * @param appVersion  numeric version for the installers
 * @param vendor      vendor shown by the installers
 * @param description one-line description
 * @param types       jpackage types to build: {@code app-image} first, then installers built from it
 */
public record PackageSpec(Path appTarget, String mainJarName, String mainClass, Path dest, Path work,
                          String name, String appVersion, String vendor, String description, List<String> types) {

    /** The app-image folder this spec produces. */
    public Path appImage() {
        return dest.resolve(HostOs.current() == HostOs.MAC ? name + ".app" : name);
    }
}
