package capas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How limpiar reads podman's listings (podman 4.3 JSON), before deciding anything. */
class PodmanListingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void containersWithAndWithoutLabels() throws Exception {
        List<Cleanup.Container> containers = LimpiarCommand.containers(JSON.readTree("""
                [{"Id": "abc", "Names": ["capas-it-p4"], "Labels": {"capas.lab": "true", "capas.leccion": "p4"}},
                 {"Id": "def", "Names": ["suyo"], "Labels": null}]
                """));

        assertThat(containers).containsExactly(
                new Cleanup.Container("abc", List.of("capas-it-p4"), java.util.Map.of("capas.lab", "true", "capas.leccion", "p4")),
                new Cleanup.Container("def", List.of("suyo"), java.util.Map.of()));
    }

    @Test
    void imagesWithSeveralNamesAndNone() throws Exception {
        List<Cleanup.Image> images = LimpiarCommand.images(JSON.readTree("""
                [{"Id": "1", "RepoTags": null, "Names": ["localhost/capas-p4/web:latest", "localhost/capas-p4/web:b"],
                  "Labels": {"capas.lab.imagen": "p4"}},
                 {"Id": "2", "Labels": {}}]
                """));

        assertThat(images.get(0).names()).containsExactly("localhost/capas-p4/web:latest", "localhost/capas-p4/web:b");
        assertThat(images.get(1).names()).isEmpty();
        assertThat(Cleanup.images(images, "p4", "localhost/curso/httpd:latest")).hasSize(2);
    }

    @Test
    void nbconvertsErrorLineIsTheOneShown() {
        String failedCell = """
                [NbConvertApp] Converting notebook 00-preparacion.ipynb to html
                Traceback (most recent call last):
                    await self._check_raise_for_error(cell, cell_index, exec_reply)
                nbclient.exceptions.CellExecutionError: An error occurred while executing the following cell:
                ------------------
                var diagnostico = Doctor.diagnose();
                diagnostico
                ------------------

                Error de compilación en la línea 1:
                cannot find symbol
                Error de compilación: cannot find symbol
                """;
        assertThat(ExportarCommand.firstError(failedCell))
                .isEqualTo("en la celda «var diagnostico = Doctor.diagnose();»: Error de compilación: cannot find symbol");
        assertThat(ExportarCommand.firstError("Traceback\n  x\nnbclient.exceptions.DeadKernelError: Kernel died\nmore"))
                .isEqualTo("nbclient.exceptions.DeadKernelError: Kernel died");
        assertThat(ExportarCommand.firstError("a\nlast")).isEqualTo("last");
    }
}
