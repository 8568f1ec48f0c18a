package io.backroom.ml.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("bench")
class ScratchDump {
    @Test
    void dump() throws Exception {
        for (String f : System.getProperty("dump.files", "").split(",")) {
            System.out.println("=== " + f);
            System.out.println(io.backroom.ml.documents.DocumentDebug.dump(java.nio.file.Path.of(f)));
        }
    }
}
