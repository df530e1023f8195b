package capas.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableViewTest {
    @Test
    void plainTextAlignsColumns() {
        TableView table = TableView.of("Nombre", "Capa").row("contenedor1", "67b0c662").row("c2", "9e8d").build();

        assertThat(table.toString()).isEqualTo("Nombre       Capa\ncontenedor1  67b0c662\nc2           9e8d");
    }

    @Test
    void htmlEscapesCellsAndKeepsTheCaption() {
        TableView table = TableView.of("Fichero").caption("a & b").row("<img src=x onerror=alert(1)>").build();

        assertThat(table.toMimeBundle().get("text/html")).contains("<caption>a &amp; b</caption>")
                .contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img");
    }
}
