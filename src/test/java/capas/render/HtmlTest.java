package capas.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesMarkupQuotesAndControlCharacters() {
        assertThat(Html.escape("<img src=x onerror='a'>&\"\u0007"))
                .isEqualTo("&lt;img src=x onerror=&#39;a&#39;&gt;&amp;&quot;\uFFFD");
    }

    @Test
    void tableEscapesPlainCells() {
        String html = new HtmlTable("fichero").row("<script>x</script>").toHtml();

        assertThat(html).contains("&lt;script&gt;x&lt;/script&gt;").doesNotContain("<script>");
    }
}
