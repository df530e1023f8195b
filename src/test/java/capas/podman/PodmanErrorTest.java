package capas.podman;

import static org.assertj.core.api.Assertions.assertThat;

import capas.CapasException;
import capas.CapasException.Kind;
import capas.os.CommandResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Podman's error output, captured from real runs, read into the kind code acts on. */
class PodmanErrorTest {
    private static List<String[]> captured() throws IOException {
        try (InputStream in = PodmanErrorTest.class.getResourceAsStream("errores-podman-4.3.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                    .map(l -> l.split("\t", 2)).toList();
        }
    }

    @Test
    void eachCapturedErrorHasItsKind() throws IOException {
        assertThat(captured()).hasSizeGreaterThanOrEqualTo(8);
        for (String[] line : captured()) {
            assertThat(PodmanError.kindOf(line[1])).as(line[1]).isEqualTo(Kind.valueOf(line[0]));
        }
    }

    @Test
    void anAmbiguousNameIsNotReportedAsAMissingContainer() {
        // "container already exists" in the same line must not hide the ambiguity.
        CapasException e = PodmanError.of("inspeccionar 5", List.of("inspect", "5"),
                new CommandResult(125, "", "Error: more than one result for container ID 5: container already exists"));
        assertThat(e.kind()).isEqualTo(Kind.AMBIGUOUS_NAME);
        assertThat(e.getMessage()).contains("«5» vale para más de un contenedor").contains("more than one result");
    }

    @Test
    void theMessageIsSpanishAndQuotesPodman() {
        CapasException e = PodmanError.of("borrar la imagen x", List.of("rmi", "localhost/curso/httpd"), new CommandResult(2, "",
                "Error: image used by 79d5: image is in use by a container: consider listing external containers and force-removing image"));
        assertThat(e.kind()).isEqualTo(Kind.IMAGE_IN_USE);
        assertThat(e.kind().domain()).isTrue();
        assertThat(e.getMessage()).startsWith("Podman se niega a borrar la imagen localhost/curso/httpd").contains("«image used by 79d5");
    }

    @Test
    void sudoWantingAPasswordIsTheMachineNotTheStudent() {
        CapasException e = PodmanError.ofStart(new CommandResult(1, "", "sudo: a password is required"), true);
        assertThat(e.kind()).isEqualTo(Kind.SUDO_PASSWORD);
        assertThat(e.kind().domain()).isFalse();
        assertThat(PodmanError.ofStart(new CommandResult(127, "", "podman: not found"), false).kind()).isEqualTo(Kind.PODMAN_MISSING);
        assertThat(PodmanError.ofStart(new CommandResult(125, "", "Error: no such container"), true)).isNull();
    }
}
