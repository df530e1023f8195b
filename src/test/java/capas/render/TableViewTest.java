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

    @Test
    void aHugeTableShowsTheFirstRowsAndSaysHowManyThereAre() {
        TableView.Builder builder = TableView.of("Cambio", "Ruta");
        for (int i = 0; i < 100_000; i++) {
            builder.row("A", "/tmp/f" + i);
        }
        TableView table = builder.build();
        String html = table.toMimeBundle().get("text/html");
        String text = table.toString();
        assertThat(table.rows()).hasSize(100_000);
        assertThat(html).contains("/tmp/f999<").doesNotContain("/tmp/f1000<").contains("Se muestran las primeras 1.000 filas de 100.000");
        assertThat(html.length()).isLessThan(200_000);
        assertThat(text).contains("/tmp/f999\n").doesNotContain("/tmp/f1000\n").endsWith("bloquearía el navegador.");
    }
}
