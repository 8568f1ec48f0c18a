package io.backroom.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rules the gateway's duplicate key and the console's PDF check have always followed. */
class InvoiceNumbersTest {
    @Test
    void anInvoiceNumberIgnoresCaseSeparatorsAndLeadingZeros() {
        assertThat(InvoiceNumbers.normalise("inv-000123")).isEqualTo("INV123");
        assertThat(InvoiceNumbers.normalise("INV 123")).isEqualTo("INV123");
        assertThat(InvoiceNumbers.normalise("  Inv123 ")).isEqualTo("INV123");
        assertThat(InvoiceNumbers.normalise("INV\u2013000_0123")).isEqualTo("INV0123");
        assertThat(InvoiceNumbers.normalise("2026-00042")).isEqualTo("202642");
        assertThat(InvoiceNumbers.normalise("A-1")).isNotEqualTo(InvoiceNumbers.normalise("A-2"));
    }

    @Test
    void aNumbersSlashesAndDotsStayButAReferencesDoNot() {
        assertThat(InvoiceNumbers.normalise("FAC/2024/00012")).isEqualTo("FAC/2024/12");
        assertThat(InvoiceNumbers.normaliseReference("FAC/2024/00012")).isEqualTo("FAC202412");
        assertThat(InvoiceNumbers.normaliseReference("PO #004512")).isEqualTo("PO4512");
        assertThat(InvoiceNumbers.normaliseReference("po-2026-000930"))
                .isEqualTo(InvoiceNumbers.normaliseReference("PO 2026/930"));
        assertThat(InvoiceNumbers.normaliseReference(null)).isEmpty();
        assertThat(InvoiceNumbers.normaliseReference("INV\u2013000")).as("a reference's separators are ASCII")
                .isEqualTo("INV\u20130");
    }
}
