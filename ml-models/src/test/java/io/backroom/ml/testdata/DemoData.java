package io.backroom.ml.testdata;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The committed demo data set of the sample-data module, read as plain files: surefire passes its
 * path as the {@code backroom.demo.dir} system property (see ml-models/pom.xml). ml-models has no
 * code dependency on sample-data.
 */
public final class DemoData {
    private DemoData() {
    }

    /** The demo folder; fails the test with a clear message if it is missing. */
    public static Path dir() {
        Path dir = Path.of(System.getProperty("backroom.demo.dir",
                "../sample-data/src/main/resources/io/backroom/sampledata/demo"));
        if (!Files.isRegularFile(dir.resolve("manifest.json"))) {
            throw new IllegalStateException("the demo data set is missing at " + dir.toAbsolutePath()
                    + "; it is committed by the sample-data module");
        }
        return dir;
    }
}
