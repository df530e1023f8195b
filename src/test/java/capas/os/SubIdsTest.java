package capas.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubIdsTest {
    @Test
    void findsTheUsersRangesByNameOrByUid() {
        List<String> lines = List.of("# comentario", "otro:100000:65536", "alumno:165536:65536", "1001:300000:1000", "alumnox:1:2");

        assertThat(SubIds.of(lines, "alumno", 1001))
                .containsExactly(new SubIds.Range(165536, 65536), new SubIds.Range(300000, 1000));
        assertThat(new SubIds.Range(165536, 65536).end()).isEqualTo(231071);
    }

    @Test
    void ignoresMalformedLines() {
        assertThat(SubIds.of(List.of("alumno:x:65536", "alumno:100000", "alumno:100000:65536"), "alumno", 1001))
                .containsExactly(new SubIds.Range(100000, 65536));
    }

    @Test
    void readsAFile(@TempDir Path dir) throws Exception {
        Path subgid = Files.writeString(dir.resolve("subgid"), "alumno:200000:65536\n");

        assertThat(SubIds.read(subgid, "alumno", 1001)).containsExactly(new SubIds.Range(200000, 65536));
    }

    @Test
    void idsFromADirectoryServiceAreNotLookedForInTheFiles(@TempDir Path dir) throws Exception {
        assertThat(SubIds.fromDirectoryService(List.of("passwd: files", "subid: sss"))).isTrue();
        assertThat(SubIds.fromDirectoryService(List.of("passwd: files", "subid: files"))).isFalse();
        assertThat(SubIds.fromDirectoryService(List.of("passwd: files systemd", "group: files"))).isFalse();
        assertThat(SubIds.fromDirectoryService(Files.writeString(dir.resolve("nsswitch.conf"), "subid:   sss\n"))).isTrue();
        assertThat(SubIds.fromDirectoryService(dir.resolve("no-existe"))).isFalse();
    }

    @Test
    void theSuggestionIsUseraddsFirstRangeWhenNothingIsTaken() {
        SubIds.Range range = SubIds.suggestion(List.of(), List.of());

        assertThat(range).isEqualTo(new SubIds.Range(100000, 65536));
        assertThat(SubIds.addCommand(range, "alumno"))
                .isEqualTo("usermod --add-subuids 100000-165535 --add-subgids 100000-165535 alumno");
    }

    @Test
    void theSuggestionOverlapsNoRangeOfEitherFile() {
        List<String> subuid = List.of("otro:100000:65536", "tercero:165536:65536");
        List<String> subgid = List.of("otro:100000:65536", "cuarto:240000:10");

        assertThat(SubIds.suggestion(subuid, subgid)).isEqualTo(new SubIds.Range(240010, 65536));
    }

    @Test
    void aReservedRangeIsAddedOnceReplacedWhenItChangesAndLeavesOthersAlone() {
        List<String> start = List.of("alumno:100000:65536");
        List<String> once = SubIds.reserved(start, "capas-aula", new SubIds.Range(200_000_000, 1000));
        assertThat(once).containsExactly("alumno:100000:65536", "capas-aula:200000000:1000");
        assertThat(SubIds.reserved(once, "capas-aula", new SubIds.Range(200_000_000, 1000))).isEqualTo(once);
        assertThat(SubIds.reserved(once, "capas-aula", new SubIds.Range(300_000_000, 1000)))
                .containsExactly("alumno:100000:65536", "capas-aula:300000000:1000");
    }
}
