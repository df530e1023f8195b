package capas.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import capas.notebook.NotebookRunner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar capas.jar kernelspec <dir>} as the launcher runs it, twice. */
class KernelspecIT {
    @TempDir
    Path kernels;

    @Test
    void installsASelfContainedKernelIdempotently() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> install = List.of(java, "-jar", System.getProperty("capas.jar"), "kernelspec", kernels.toString());
        NotebookRunner.run(install, "kernelspec");
        String first = Files.readString(kernels.resolve("capas/kernel.json"));
        NotebookRunner.run(install, "kernelspec again");
        assertThat(Files.readString(kernels.resolve("capas/kernel.json"))).isEqualTo(first);

        Path dir = kernels.resolve("capas");
        JsonNode spec = new ObjectMapper().readTree(first);
        assertThat(spec.get("display_name").asText()).isEqualTo("Java (Capas)");
        assertThat(spec.get("language").asText()).isEqualTo("java");
        assertThat(spec.get("interrupt_mode").asText()).isEqualTo("message");
        List<String> argv = new ObjectMapper().convertValue(spec.get("argv"), List.class);
        assertThat(argv).contains(dir.resolve("capas.jar").toString(), "kernel", "{connection_file}")
                .contains("-XX:SharedArchiveFile=" + dir.resolve("capas.jsa"));
        assertThat(dir.resolve("capas.jar")).isRegularFile();
        assertThat(dir.resolve("capas.jsa")).isRegularFile();
        try (var libs = Files.list(dir.resolve("lib"))) {
            assertThat(libs.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("jjava-jupyter"));
        }
    }
}
