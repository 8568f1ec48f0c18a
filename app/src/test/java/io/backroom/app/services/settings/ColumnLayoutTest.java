package io.backroom.app.services.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnLayoutTest {
    @Test
    void aLayoutSurvivesItsTextForm() {
        ColumnLayout layout = new ColumnLayout(List.of(new ColumnLayout.Column("col-amount", 120, true),
                new ColumnLayout.Column("col-store", 64.4, false)));

        ColumnLayout back = ColumnLayout.decode(layout.encode()).orElseThrow();

        assertThat(back.columns()).containsExactly(new ColumnLayout.Column("col-amount", 120, true),
                new ColumnLayout.Column("col-store", 64, false));
    }

    @Test
    void anEditedOrDamagedLayoutIsIgnoredRatherThanTrusted() {
        assertThat(ColumnLayout.decode(null)).isEmpty();
        assertThat(ColumnLayout.decode("")).isEmpty();
        assertThat(ColumnLayout.decode("col-a:120")).isEmpty();
        assertThat(ColumnLayout.decode("col-a:wide:1")).isEmpty();
        assertThat(ColumnLayout.decode("col-a:120:yes")).isEmpty();
        assertThat(ColumnLayout.decode("col-a:-5:1")).isEmpty();
        assertThat(ColumnLayout.decode("col-a:NaN:1")).isEmpty();
        assertThat(ColumnLayout.decode("col-a:99999:1")).isEmpty();
        assertThat(ColumnLayout.decode(":120:1")).isEmpty();
    }
}
