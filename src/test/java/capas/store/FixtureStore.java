package capas.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Lays a store captured from a real podman run (src/test/resources/capas/store/&lt;mode&gt;) out as
 * podman does on disk, so {@link Store#read} reads it exactly as it reads a live one.
 */
final class FixtureStore {
    private FixtureStore() {
    }

    static Path lay(String mode, Path into) throws IOException {
        Path fixture = Path.of("src/test/resources/capas/store", mode);
        copy(fixture.resolve("containers.json"), into.resolve(StoreFiles.CONTAINERS));
        copy(fixture.resolve("images.json"), into.resolve(StoreFiles.IMAGES));
        copy(fixture.resolve("layers.json"), into.resolve(StoreFiles.LAYERS));
        for (String line : Files.readAllLines(fixture.resolve("links.txt"))) {
            String[] f = line.split(" ");
            Path layer = Files.createDirectories(into.resolve(StoreFiles.OVERLAY).resolve(f[0]));
            Files.writeString(layer.resolve(StoreFiles.LINK), f[1]);
            Files.createDirectories(layer.resolve(StoreFiles.DIFF));
        }
        return into;
    }

    static List<String> mountinfo(String mode) throws IOException {
        return Files.readAllLines(Path.of("src/test/resources/capas/store", mode, "mountinfo"));
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
    }
}
