package io.backroom.app.services.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SavedViewTest {
    @Test
    void aViewSurvivesItsTextFormWithAnyCharactersInItsFields() {
        SavedView view = new SavedView("Meuse > 10k", "a&b=c ü %", "PRICE_VARIANCE", "Meuse Supply", "S068",
                new BigDecimal("10000.50"), null, 7);

        SavedView back = SavedView.decode("Meuse > 10k", view.encode()).orElseThrow();

        assertThat(back).isEqualTo(view);
    }

    @Test
    void emptyFiltersStayEmpty() {
        SavedView view = new SavedView("All", null, null, null, null, null, null, null);

        SavedView back = SavedView.decode("All", view.encode()).orElseThrow();

        assertThat(back.search()).isEmpty();
        assertThat(back.minAmount()).isNull();
        assertThat(back.dueWithinDays()).isNull();
    }

    @Test
    void aDamagedViewIsIgnored() {
        assertThat(SavedView.decode("x", "search")).isEmpty();
        assertThat(SavedView.decode("x", "min=ten")).isEmpty();
        assertThat(SavedView.decode("x", "due=soon")).isEmpty();
        assertThat(SavedView.decode("x", "search=%zz")).isEmpty();
        assertThat(SavedView.decode(" ", "search=a")).isEmpty();
    }

    @Test
    void aViewNeedsAName() {
        assertThatThrownBy(() -> new SavedView("  ", "", "", "", "", null, null, null))
                .hasMessageContaining("needs a name");
    }
}
