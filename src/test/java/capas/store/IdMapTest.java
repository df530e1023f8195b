package capas.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class IdMapTest {
    private final IdMap rootless = IdMap.parse(readFixture());

    private static String readFixture() {
        try {
            return Files.readString(Path.of("src/test/resources/capas/store/rootless/uid_map"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theUserIsRootInside() {
        assertThat(rootless.toContainer(1001)).isZero();
        assertThat(rootless.toHost(0)).isEqualTo(1001);
    }

    @Test
    void otherIdsComeFromTheSubordinateRange() {
        assertThat(rootless.toHost(1)).isEqualTo(100000);
        assertThat(rootless.toHost(1000)).isEqualTo(100999);
        assertThat(rootless.toContainer(100999)).isEqualTo(1000);
    }

    @Test
    void idsOutsideTheMapHaveNoNameInside() {
        assertThat(rootless.toContainer(0)).isEqualTo(-1);
        assertThat(rootless.hostId(70000)).isEmpty();
    }

    @Test
    void printsRangesInSpanish() {
        assertThat(rootless.toString()).contains("dentro del contenedor → en el anfitrión").contains("0–0 → 1001–1001");
    }
}
