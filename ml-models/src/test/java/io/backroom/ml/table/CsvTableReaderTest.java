package io.backroom.ml.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CsvTableReaderTest {
    private final CsvTableReader reader = new CsvTableReader();

    private NumericTable read(String csv, CsvTableReader.Spec spec) throws IOException {
        return reader.read(new BufferedReader(new StringReader(csv)), "shifts.csv", spec);
    }

    @Test
    void readsNumericColumnsSkippingIdLabelAndIgnoredOnesWithQuotedFields() throws IOException {
        NumericTable t = read("id,note,a,b,fraud\nx1,\"a, \"\"quoted\"\" note\",1.5,2,1\nx2,plain,-3,4e2,0\n",
                CsvTableReader.Spec.of("id", List.of("note"), "fraud"));
        assertThat(t.columns()).containsExactly("a", "b");
        assertThat(t.ids()).containsExactly("x1", "x2");
        assertThat(t.values()[1]).containsExactly(-3, 400);
        assertThat(t.labels()).containsExactly(1, 0);
    }

    @Test
    void namesRowAndColumnOfANonNumericValue() {
        assertThatThrownBy(() -> read("id,a,b\nx1,1,2\nx2,3,abc\n", CsvTableReader.Spec.of("id", List.of(), null)))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("row 3").hasMessageContaining("column 'b'").hasMessageContaining("'abc' is not a number");
    }

    @Test
    void namesTheUnknownIdColumnAndListsTheHeader() {
        assertThatThrownBy(() -> read("shift,a\nx,1\n", CsvTableReader.Spec.of("shift_id", List.of(), null)))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("row 1 (header)").hasMessageContaining("id column 'shift_id' is missing")
                .hasMessageContaining("[shift, a]");
    }

    @Test
    void namesAModelColumnMissingFromTheFileBeingScored() {
        assertThatThrownBy(() -> read("id,a\nx,1\n", new CsvTableReader.Spec("id", Set.of(), null, List.of("a", "b"))))
                .isInstanceOf(CsvFormatException.class).hasMessageContaining("model feature column 'b' is missing");
    }

    @Test
    void refusesShortRowsEmptyValuesDuplicateIdsAndBadLabels() {
        CsvTableReader.Spec spec = CsvTableReader.Spec.of("id", List.of(), "y");
        assertThatThrownBy(() -> read("id,a,y\nx,1\n", spec)).hasMessageContaining("row 2 has 2 fields but the header has 3");
        assertThatThrownBy(() -> read("id,a,y\nx,,1\n", spec)).hasMessageContaining("row 2, column 'a': value is empty");
        assertThatThrownBy(() -> read("id,a,y\nx,1,1\nx,2,0\n", spec)).hasMessageContaining("row 3, column 'id': id 'x' appears twice");
        assertThatThrownBy(() -> read("id,a,y\nx,1,maybe\n", spec)).hasMessageContaining("row 2, column 'y': label 'maybe'");
        assertThatThrownBy(() -> read("", spec)).hasMessageContaining("the file is empty");
    }
}
