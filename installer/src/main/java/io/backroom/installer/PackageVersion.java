package io.backroom.installer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a Maven version to the numeric version the native installers accept: up to three
 * dot-separated numbers ({@code 0.1.0-SNAPSHOT} becomes {@code 0.1.0}). Windows MSI allows at
 * most three components, so the fourth and later numbers are dropped too.
 */
public final class PackageVersion {
    private static final Pattern LEADING_NUMBERS = Pattern.compile("^(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");

    private PackageVersion() {
    }

    /** The numeric part of {@code mavenVersion}; throws when the version does not start with a number. */
    public static String numeric(String mavenVersion) {
        String trimmed = mavenVersion == null ? "" : mavenVersion.trim();
        Matcher m = LEADING_NUMBERS.matcher(trimmed);
        if (!m.find()) {
            throw new InstallerException("The version '" + mavenVersion
                    + "' does not start with a number; installers need a version like 1.2.3 (set -Dinstaller.appVersion).");
        }
        StringBuilder out = new StringBuilder();
        for (int group = 1; group <= 3 && m.group(group) != null; group++) {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(Integer.parseInt(m.group(group)));
        }
        return out.toString();
    }
}
