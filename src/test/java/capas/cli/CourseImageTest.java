package capas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CourseImageTest {
    @Test
    void theRecipeHashIsTheOneTheBashLauncherWrote() throws Exception {
        // { cat Containerfile rootfs.sh; echo capas.lab.imagen; } | sha256sum | cut -c1-16, on two known inputs.
        byte[] containerfile = "FROM scratch\n".getBytes(StandardCharsets.UTF_8);
        byte[] script = "echo hola\n".getBytes(StandardCharsets.UTF_8);
        Process sha = new ProcessBuilder("sha256sum").start();
        sha.getOutputStream().write(containerfile);
        sha.getOutputStream().write(script);
        sha.getOutputStream().write("capas.lab.imagen\n".getBytes(StandardCharsets.UTF_8));
        sha.getOutputStream().close();
        String expected = new String(sha.getInputStream().readAllBytes(), StandardCharsets.UTF_8).substring(0, 16);

        assertThat(CourseImage.recipeHash(containerfile, script)).isEqualTo(expected);
    }

    @Test
    void aChangedRecipeChangesTheHash() {
        Path curso = Checkout.curso();
        assertThat(Files.isRegularFile(curso.resolve("Containerfile"))).isTrue();
        String hash = new CourseImage(curso, "localhost/curso/httpd:latest").recipeHash();

        assertThat(hash).hasSize(16).isNotEqualTo(CourseImage.recipeHash(new byte[] {1}, new byte[0]));
    }

    @Test
    void onlyALocalImageIsBuilt() {
        assertThat(new CourseImage(Path.of("curso"), "localhost/curso/httpd:latest").local()).isTrue();
        assertThat(new CourseImage(Path.of("curso"), "quay.io/centos7/httpd-24-centos7").local()).isFalse();
    }
}
