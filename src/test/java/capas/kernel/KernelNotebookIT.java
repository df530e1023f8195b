package capas.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import capas.notebook.ExecutedNotebook;
import capas.notebook.NotebookRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The kernel as nbconvert drives it: a small notebook run top to bottom through real Jupyter. */
class KernelNotebookIT {
    private static ExecutedNotebook nb;

    @BeforeAll
    static void execute() {
        nb = NotebookRunner.execute(Path.of("src/test/resources/capas/kernel/kernel-smoke.ipynb"));
    }

    @Test
    void expressionResult() {
        assertThat(nb.cell("resultado").text()).isEqualTo("2\n");
    }

    @Test
    void printedLinesKeepTheirOrderBeforeTheResult() {
        assertThat(nb.cell("salida").text()).isEqualTo("línea 1\nlínea 2\nlínea 3\n\"fin\"\n");
    }

    @Test
    void displayableShowsHtmlAndSvg() {
        ExecutedNotebook.Cell cell = nb.cell("insignia");
        assertThat(cell.html()).isEqualTo("<b>insignia</b>");
        assertThat(cell.svg()).contains("<svg", "insignia");
        assertThat(cell.text()).isEqualTo("antes\ninsignia\n");
    }

    @Test
    void compileErrorNamesTheLine() {
        ExecutedNotebook.Error error = nb.cell("error-compilacion").errors().get(0);
        assertThat(error.traceback()).startsWith("Error de compilación en la línea 1:", "    int x = \"hola\";");
        assertThat(error.text()).contains("incompatible types");
    }

    @Test
    void bashCellStreamsAndFailsWithItsStatus() {
        ExecutedNotebook.Cell cell = nb.cell("bash-falla");
        assertThat(cell.stream("stdout")).isEqualTo("desde bash\n");
        assertThat(cell.stream("stderr")).isEqualTo("aviso\n");
        assertThat(cell.errors()).singleElement().extracting(ExecutedNotebook.Error::text)
                .isEqualTo("La orden terminó con estado 1");
    }

    @Test
    void lineMagic() {
        assertThat(nb.cell("sh-linea").text()).isEqualTo("una línea\n");
        assertThat(nb.cell("sh-linea").hasError()).isFalse();
    }

    @Test
    void capasExceptionShowsItsExplanationOnly() {
        assertThat(nb.cell("capas-exception").errors().get(0).traceback())
                .containsExactly("No hay contenedores", "  → podman ps -a");
    }

    @Test
    void errorsAreOnlyTheTaggedOnes() {
        assertThat(nb.errors()).extracting(ExecutedNotebook.Error::cellId)
                .containsExactly("celda-4", "celda-5", "celda-7");
        assertThat(nb.cell("despues").text()).isEqualTo("\"sigue\"\n");
    }
}
