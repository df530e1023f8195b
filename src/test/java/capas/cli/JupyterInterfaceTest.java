package capas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import capas.CapasException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JupyterInterfaceTest {
    @Test
    void jupyterLabWhereInstalledElseNotebook() {
        assertThat(JupyterInterface.choose("", true)).isEqualTo(JupyterInterface.LAB);
        assertThat(JupyterInterface.choose(null, true)).isEqualTo(JupyterInterface.LAB);
        assertThat(JupyterInterface.choose("", false)).isEqualTo(JupyterInterface.NOTEBOOK);
    }

    @Test
    void capasInterfazChoosesEitherWhereBothAreInstalled() {
        assertThat(JupyterInterface.choose("notebook", true)).isEqualTo(JupyterInterface.NOTEBOOK);
        assertThat(JupyterInterface.choose(" Lab ", true)).isEqualTo(JupyterInterface.LAB);
        assertThat(JupyterInterface.choose("notebook", false)).isEqualTo(JupyterInterface.NOTEBOOK);
    }

    @Test
    void askingForJupyterLabWhereItIsMissingSaysHowToGetIt() {
        assertThatThrownBy(() -> JupyterInterface.choose("lab", false)).isInstanceOf(CapasException.class)
                .hasMessageContaining("JupyterLab").hasMessageContaining("no está instalado");
    }

    @Test
    void anUnknownInterfaceNamesTheTwoThatExist() {
        assertThatThrownBy(() -> JupyterInterface.choose("classic", true)).isInstanceOf(CapasException.class)
                .hasMessageContaining("CAPAS_INTERFAZ=classic");
    }

    @Test
    void eachStartsItsOwnSubcommandOnTheFolderAndOpensNotebooksAtItsOwnPath() {
        Path jupyter = Path.of("/usr/bin/jupyter");
        Path dir = Path.of("/home/alumno/capas/notebooks");

        assertThat(JupyterInterface.LAB.serverCommand(jupyter, 8888, dir)).containsExactly("/usr/bin/jupyter", "lab", "--no-browser",
                "--ip=127.0.0.1", "--port=8888", "--ServerApp.root_dir=" + dir);
        assertThat(JupyterInterface.NOTEBOOK.serverCommand(jupyter, 8888, dir, "--port-retries=0")).containsExactly("/usr/bin/jupyter",
                "notebook", "--no-browser", "--ip=127.0.0.1", "--port=8888", "--NotebookApp.notebook_dir=" + dir, "--port-retries=0");
        assertThat(JupyterInterface.LAB.notebookPath("00-preparacion.ipynb")).isEqualTo("/lab/tree/00-preparacion.ipynb");
        assertThat(JupyterInterface.NOTEBOOK.notebookPath("00-preparacion.ipynb")).isEqualTo("/notebooks/00-preparacion.ipynb");
        assertThat(JupyterInterface.LAB.listCommand(jupyter)).containsExactly("/usr/bin/jupyter", "lab", "list", "--json");
    }
}
