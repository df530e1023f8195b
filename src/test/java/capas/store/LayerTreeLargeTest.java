package capas.store;

import static org.assertj.core.api.Assertions.assertThat;

import capas.Mode;
import capas.render.LayerExplorer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A layer with thousands of files, read from disk and rendered the way {@code Capas.explore}
 * does: the walk compares each file with the layer below, and the page stays bounded.
 */
class LayerTreeLargeTest {
    private static final int DIRS = 52;
    private static final int FILES_PER_DIR = 100;

    @TempDir
    Path root;

    @Test
    void fiveThousandFilesAreReadMarkedAndShownCutWithANote() throws Exception {
        Store store = new Store(Mode.ROOTLESS, root.toString(), List.of(), List.of(), List.of(), Map.of());
        Path top = Files.createDirectories(store.diffDir("top"));
        Path base = Files.createDirectories(store.diffDir("base"));
        for (int d = 0; d < DIRS; d++) {
            Path dir = Files.createDirectories(top.resolve(String.format("srv/d%02d", d)));
            Path below = Files.createDirectories(base.resolve(String.format("srv/d%02d", d)));
            for (int f = 0; f < FILES_PER_DIR; f++) {
                Files.writeString(dir.resolve(String.format("f%03d.txt", f)), "x".repeat(f));
                if (f % 10 == 0) {
                    Files.writeString(below.resolve(String.format("f%03d.txt", f)), "old");
                }
            }
        }

        long start = System.nanoTime();
        LayerFiles files = new LayerTree(store, List.of("top", "base")).read();
        long read = System.nanoTime() - start;
        start = System.nanoTime();
        LayerExplorer explorer = new LayerExplorer("grande", false, List.of(new LayerExplorer.Layer(files.layerId(),
                files.entries().stream().map(e -> new LayerExplorer.Item(e.path(), LayerExplorer.Mark.valueOf(e.kind().name()),
                        e.directory(), e.opaque(), e.size())).toList())));
        String html = explorer.html();
        String text = explorer.text();
        long render = System.nanoTime() - start;
        System.out.printf("LayerTreeLargeTest: %d entries read in %d ms, rendered (HTML %d bytes, text %d bytes) in %d ms%n",
                files.entries().size(), read / 1_000_000, html.length(), text.length(), render / 1_000_000);

        assertThat(files.entries()).hasSize(1 + DIRS + DIRS * FILES_PER_DIR);
        assertThat(files.count(ChangeKind.C)).isEqualTo(1 + DIRS + DIRS * FILES_PER_DIR / 10);
        assertThat(files.count(ChangeKind.A)).isEqualTo(DIRS * FILES_PER_DIR * 9 / 10);
        assertThat(html).contains("Se muestran las primeras 2.000 entradas de 5.253.");
        assertThat(text).contains("Se muestran las primeras 2.000 entradas de 5.253.");
        assertThat(html.length()).isLessThan(1_000_000);
        assertThat(text.length()).isLessThan(100_000);
        assertThat(read).as("read time").isLessThan(20_000_000_000L);
    }
}
