package capas.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ExecutedNotebookTest {
    private final ExecutedNotebook nb =
            ExecutedNotebook.read(Path.of("src/test/resources/capas/notebook/executed-sample.ipynb.json"));

    @Test
    void cellByTagOrId() {
        assertThat(nb.cell("suma").id()).isEqualTo("c1");
        assertThat(nb.cell("c2").source()).isEqualTo("display(capas)");
        assertThatThrownBy(() -> nb.cell("no-existe")).isInstanceOf(AssertionError.class);
    }

    @Test
    void textJoinsStreamsAndPlainResults() {
        assertThat(nb.cell("suma").text()).isEqualTo("uno\ndos\naviso\n2\n");
        assertThat(nb.cell("suma").stream("stderr")).isEqualTo("aviso\n");
        assertThat(nb.cell("c2").text()).isEqualTo("capas\n");
    }

    @Test
    void textLeavesOutWhatTheMachineAddsToEveryCommand() {
        // Podman 5 on cgroups v1, and sudo on a host whose name does not resolve.
        assertThat(nb.cell("ruido").text()).isEqualTo("Untagged: x\n");
        assertThat(nb.cell("ruido").stream("stderr")).contains("cgroups-v1");
    }

    @Test
    void richOutputs() {
        assertThat(nb.cell("c2").html()).isEqualTo("<b>capas</b>");
        assertThat(nb.cell("c2").svg()).isEqualTo("<svg/>");
        assertThat(nb.cell("suma").html()).isEmpty();
    }

    @Test
    void errors() {
        assertThat(nb.cell("suma").hasError()).isFalse();
        assertThat(nb.cell("falla").hasError()).isTrue();
        assertThat(nb.errors()).singleElement().satisfies(e -> {
            assertThat(e.cellId()).isEqualTo("c3");
            assertThat(e.ename()).isEqualTo("Error de la orden");
            assertThat(e.text()).isEqualTo("La orden terminó con estado 1");
        });
    }
}
