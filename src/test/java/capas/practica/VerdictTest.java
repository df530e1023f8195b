package capas.practica;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A verdict with a warning still reads as right, with the warning under it, in text and in HTML. */
class VerdictTest {
    @Test
    void aWarningGoesUnderTheVerdict() {
        Verdict v = Verdict.right(1, "Bien.", "detalle").withWarning("Falta <la> etiqueta.");
        assertThat(v.correct()).isTrue();
        assertThat(v.toString()).isEqualTo("✓ Bien.\n  detalle\n! Falta <la> etiqueta.");
        String html = v.toMimeBundle().get("text/html");
        assertThat(html).contains("capas-callout capas-ok").contains("capas-callout capas-warn").contains("Falta &lt;la&gt; etiqueta.")
                .doesNotContain("capas-bad");
        assertThat(html.indexOf("capas-ok")).isLessThan(html.indexOf("capas-warn"));
    }

    @Test
    void withoutAWarningItIsOneCallout() {
        Verdict v = Verdict.wrong(2, "Mal.");
        assertThat(v.toString()).isEqualTo("✗ Mal.");
        assertThat(v.toMimeBundle().get("text/html")).doesNotContain("capas-warn");
        assertThat(v.warning()).isNull();
    }
}
