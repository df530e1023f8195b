package capas.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import capas.CapasException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubIdRangeTest {
    @Test
    void findsTheUsersRangesByNameOrByUid() {
        List<String> lines = List.of("# comentario", "otro:100000:65536", "alumno:165536:65536", "1001:300000:1000", "alumnox:1:2");
        assertThat(SubIdRange.parse(lines, "alumno", 1001))
                .containsExactly(new SubIdRange(165536, 65536), new SubIdRange(300000, 1000));
        assertThat(new SubIdRange(165536, 65536).end()).isEqualTo(231071);
    }

    @Test
    void ignoresMalformedLines() {
        assertThat(SubIdRange.parse(List.of("alumno:x:65536", "alumno:100000", "alumno:100000:65536"), "alumno", 1001))
                .containsExactly(new SubIdRange(100000, 65536));
    }

    @Test
    void aUserWithoutRangesIsAnEnvironmentErrorThatSaysHowToFixIt(@TempDir Path dir) throws Exception {
        Path subuid = Files.writeString(dir.resolve("subuid"), "otro:100000:65536\n");
        assertThatThrownBy(() -> SubIdRange.read(subuid, "alumno", 1001))
                .isInstanceOfSatisfying(CapasException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CapasException.Kind.ENVIRONMENT);
                    assertThat(e.getMessage()).contains("alumno").contains(subuid.toString());
                    assertThat(e.hint()).contains("usermod");
                });
    }

    @Test
    void idsFromADirectoryServiceAreNotLookedForInTheFiles() {
        assertThat(SubIdRange.fromDirectoryService(List.of("passwd: files", "subid: sss"))).isTrue();
        assertThat(SubIdRange.fromDirectoryService(List.of("passwd: files", "subid: files"))).isFalse();
        assertThat(SubIdRange.fromDirectoryService(List.of("passwd: files systemd", "group: files"))).isFalse();
    }
}
