package capas.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import capas.CapasException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubIdRangeTest {
    @Test
    void readsTheUsersRangesByNameOrByUid(@TempDir Path dir) throws Exception {
        Path subuid = Files.writeString(dir.resolve("subuid"), "# comentario\notro:100000:65536\nalumno:165536:65536\n1001:300000:1000\n");

        assertThat(SubIdRange.read(subuid, "alumno", 1001))
                .containsExactly(new SubIdRange(165536, 65536), new SubIdRange(300000, 1000));
        assertThat(new SubIdRange(165536, 65536).end()).isEqualTo(231071);
    }

    @Test
    void aUserWithoutRangesIsAnEnvironmentErrorThatSaysHowToFixIt(@TempDir Path dir) throws Exception {
        Path subuid = Files.writeString(dir.resolve("subuid"), "otro:100000:65536\n");
        assertThatThrownBy(() -> SubIdRange.read(subuid, "alumno", 1001))
                .isInstanceOfSatisfying(CapasException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CapasException.Kind.ENVIRONMENT);
                    assertThat(e.getMessage()).contains("alumno").contains(subuid.toString());
                    assertThat(e.hint()).containsPattern("usermod --add-subuids \\d+-\\d+ --add-subgids \\d+-\\d+ alumno");
                });
    }

    @Test
    void anUnreadableFileSaysSo(@TempDir Path dir) {
        assertThatThrownBy(() -> SubIdRange.read(dir.resolve("nada"), "alumno", 1001))
                .isInstanceOfSatisfying(CapasException.class, e -> assertThat(e.getMessage()).contains("No se puede leer"));
    }
}
