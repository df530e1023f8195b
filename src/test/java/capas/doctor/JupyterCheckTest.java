package capas.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JupyterCheckTest {
    private static final String MODULES = "/usr/bin/python3 -c import notebook, nbconvert, nbclient";

    private static MemoryHost debianJupyter() {
        return new MemoryHost().installed("jupyter").file("/usr/bin/jupyter", "#!/usr/bin/python3\nimport sys\n");
    }

    @Test
    void debiansJupyterWithItsModulesIsOk() {
        MemoryHost host = debianJupyter().answers(MODULES, 0, "");

        Check check = new JupyterCheck(host).run();

        assertThat(check.status()).isEqualTo(Status.OK);
        assertThat(check.detail()).startsWith("/usr/bin/jupyter se ejecuta con /usr/bin/python3, que tiene notebook, nbconvert y nbclient.")
                .contains("Sin JupyterLab").contains("./lab abre Jupyter Notebook");
        assertThat(new JupyterCheck(host).command()).contains(Path.of("/usr/bin/jupyter"));
        assertThat(new JupyterCheck(host).labCommand()).isEmpty();
    }

    @Test
    void jupyterLabBesideJupyterIsWhatTheLabOpens() {
        MemoryHost host = debianJupyter().answers(MODULES, 0, "").installed("jupyter-lab");

        Check check = new JupyterCheck(host).run();

        assertThat(check.status()).isEqualTo(Status.OK);
        assertThat(check.detail()).contains("Con JupyterLab (/usr/bin/jupyter-lab): ./lab abre JupyterLab");
        assertThat(new JupyterCheck(host).labCommand()).contains(Path.of("/usr/bin/jupyter-lab"));
    }

    @Test
    void aJupyterLabOfAnotherPythonDoesNotCount() {
        // Only a jupyter-lab beside the jupyter the lab uses serves the kernels that jupyter knows.
        MemoryHost host = debianJupyter().answers(MODULES, 0, "").onPath("jupyter-lab", "/opt/conda/bin/jupyter-lab");

        assertThat(new JupyterCheck(host).labCommand()).isEmpty();
    }

    @Test
    void anotherPython3OnPathWithoutJupyterIsMentioned() {
        MemoryHost host = debianJupyter().answers(MODULES, 0, "").onPath("python3", "/opt/pyenv/bin/python3")
                .answers("/opt/pyenv/bin/python3 -c import notebook", 1, "ModuleNotFoundError");

        Check check = new JupyterCheck(host).run();

        assertThat(check.status()).isEqualTo(Status.OK);
        assertThat(check.detail()).contains("(El python3 del PATH, /opt/pyenv/bin/python3, es otro y no tiene Jupyter");
    }

    @Test
    void noJupyterIsAnErrorWithTheInstallCommands() {
        Check check = new JupyterCheck(new MemoryHost()).run();

        assertThat(check.status()).isEqualTo(Status.ERROR);
        assertThat(check.detail()).contains("No se encuentra Jupyter");
        assertThat(check.fix()).contains("sudo apt install").contains("sudo dnf install");
    }

    @Test
    void aPythonWithoutTheModulesIsAnError() {
        Check check = new JupyterCheck(debianJupyter().answers(MODULES, 1, "ModuleNotFoundError")).run();

        assertThat(check.status()).isEqualTo(Status.ERROR);
        assertThat(check.detail()).contains("le faltan notebook, nbconvert o nbclient");
    }
}
