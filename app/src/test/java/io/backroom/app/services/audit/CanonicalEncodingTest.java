package io.backroom.app.services.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalEncodingTest {

    @Test
    void sortsKeysDropsNullsAndEscapesOnlyWhatJsonRequires() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("b", "line\nbreak \"quoted\" back\\slash é");
        fields.put("a", "1");
        fields.put("z", null);
        fields.put("c", "\u0001");
        assertThat(CanonicalEncoding.encode(fields))
                .isEqualTo("{\"a\":\"1\",\"b\":\"line\\nbreak \\\"quoted\\\" back\\\\slash é\",\"c\":\"\\u0001\"}");
    }

    @Test
    void decodesWhatItEncodes() {
        Map<String, String> fields = Map.of("reason", "tab\tand \"quotes\"", "x", "", "ü", "\r\u0002");
        assertThat(CanonicalEncoding.decode(CanonicalEncoding.encode(fields))).isEqualTo(fields);
        assertThat(CanonicalEncoding.decode("{}")).isEmpty();
    }

    @Test
    void hashesTheUtf8BytesWithSha256() {
        assertThat(CanonicalEncoding.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void namesTheOffsetOfBadInput() {
        assertThatThrownBy(() -> CanonicalEncoding.decode("{\"a\":1}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offset 5");
        assertThatThrownBy(() -> CanonicalEncoding.decode("{\"a\":\"1\"}x"))
                .hasMessageContaining("after the object");
    }
}
