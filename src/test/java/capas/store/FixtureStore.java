package capas.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Lays a store captured from a real podman run (src/test/resources/capas/store/&lt;mode&gt;) out as
 * podman does on disk, so {@link Store#read} reads it exactly as it reads a live one.
 */
public final class FixtureStore {
    private FixtureStore() {
    }

    public static Path lay(String mode, Path into) throws IOException {
        Path fixture = Path.of("src/test/resources/capas/store", mode);
        OverlayLayout layout = new OverlayLayout(into);
        copy(fixture.resolve("containers.json"), layout.containersJson());
        copy(fixture.resolve("images.json"), layout.imagesJson());
        copy(fixture.resolve("layers.json"), layout.layersJson());
        // Captured from podman 5 only: its empty volatile indexes and overlay/.has-mount-program.
        copyIfThere(fixture.resolve("volatile-containers.json"), layout.volatileContainersJson());
        copyIfThere(fixture.resolve("volatile-layers.json"), layout.volatileLayersJson());
        copyIfThere(fixture.resolve("has-mount-program"), layout.overlayDir().resolve(".has-mount-program"));
        for (String line : Files.readAllLines(fixture.resolve("links.txt"))) {
            String[] f = line.split(" ");
            Files.createDirectories(layout.diffDir(f[0]));
            Files.writeString(layout.linkFile(f[0]), f[1]);
        }
        return into;
    }

    public static List<String> mountinfo(String mode) throws IOException {
        return Files.readAllLines(Path.of("src/test/resources/capas/store", mode, "mountinfo"));
    }

    private static void copyIfThere(Path from, Path to) throws IOException {
        if (Files.exists(from)) {
            copy(from, to);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
    }
}
