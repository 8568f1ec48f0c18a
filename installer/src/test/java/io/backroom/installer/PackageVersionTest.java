package io.backroom.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PackageVersionTest {
    @ParameterizedTest
    @CsvSource({
        "0.1.0-SNAPSHOT, 0.1.0",
        "1.2.3, 1.2.3",
        "2.0-beta-1, 2.0",
        "7, 7",
        "1.2.3.4, 1.2.3",
        "01.02.03-RC1, 1.2.3",
    })
    void keepsTheLeadingNumbersOfTheMavenVersion(String maven, String numeric) {
        assertThat(PackageVersion.numeric(maven)).isEqualTo(numeric);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "SNAPSHOT", "v1.0"})
    void rejectsAVersionWithoutLeadingNumberNamingIt(String maven) {
        assertThatThrownBy(() -> PackageVersion.numeric(maven))
                .isInstanceOf(InstallerException.class)
                .hasMessageContaining("'" + maven + "'").hasMessageContaining("installer.appVersion");
    }
}
