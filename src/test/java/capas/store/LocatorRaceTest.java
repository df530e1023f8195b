package capas.store;

import static org.assertj.core.api.Assertions.assertThat;

import capas.os.SymlinkSwapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The locator runs as root over the layers of running containers, so a process inside one can
 * swap a folder of its layer for a symlink to the host between two steps of a lookup. Whatever
 * the timing, the answer must be about the layer (the real file, or nothing), never about the
 * host file the symlink points to: not even its size, which would tell that it exists.
 */
class LocatorRaceTest {
    private static final String REAL = "capa";
    private static final String SECRET = "SECRETO DEL ANFITRIÓN, MÁS LARGO";
    private static final int ROUNDS = 20_000;

    @TempDir
    Path root;

    /** What the swapper did to one answer: it kept the real file from view, which the race needs to happen. */
    static final class SwapperWon extends Exception {
        SwapperWon(Location where) {
            super(where.toString(), null, false, false);
        }
    }

    @Test
    void aFolderSwappedForASymlinkNeverLetsTheLookupReachTheHost() throws Exception {
        Path layer = Files.createDirectories(root.resolve("diff"));
        Path real = Files.createDirectories(layer.resolve("d/sub")).resolve("file");
        Files.writeString(real, REAL);
        Path outside = Files.createDirectories(root.resolve("secret"));
        Path secret = Files.writeString(Files.createDirectories(outside.resolve("sub")).resolve("file"), SECRET);
        long secretSize = Files.size(secret);
        assertThat(secretSize).isNotEqualTo(Files.size(real));
        Locator locator = Locator.ofFolders(List.of("upper", "lower"), List.of(layer, Files.createDirectories(root.resolve("lower"))));
        AtomicInteger found = new AtomicInteger();
        AtomicInteger won = new AtomicInteger();
        long start = System.nanoTime();

        SymlinkSwapper.race(layer.resolve("d"), outside, ROUNDS, () -> {
            Location where = locator.locate("/d/sub/file");
            if (where.state() == Location.State.PRESENT) {
                assertThat(where.size()).as("size of %s (the host's secret is %d bytes)", where, secretSize)
                        .isNotEqualTo(secretSize).isEqualTo(REAL.length());
                assertThat(where.resolvedPath()).isEqualTo("/d/sub/file");
                assertThat(where.layerId()).isEqualTo("upper");
                assertThat(where.host()).isEqualTo(real);
                found.incrementAndGet();
                return;
            }
            // The folder was away or a symlink: resolved inside the layer, /d/sub/file is not there.
            assertThat(where.state()).as("%s", where).isEqualTo(Location.State.ABSENT);
            won.incrementAndGet();
            throw new SwapperWon(where);
        }, SwapperWon.class);

        System.out.printf("LocatorRaceTest: %d lookups in %d ms, %d found the layer's file, %d met the swapped folder%n", ROUNDS,
                (System.nanoTime() - start) / 1_000_000, found.get(), won.get());
    }
}
