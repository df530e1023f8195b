package capas.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The layout, spelled out as containers/storage and its overlay driver lay a store on disk. */
class OverlayLayoutTest {
    private final OverlayLayout layout = new OverlayLayout(Path.of("/var/lib/containers/storage"));

    @Test
    void eachLayerHasItsFoldersUnderOverlay() {
        assertThat(layout.diffDir("abc")).isEqualTo(Path.of("/var/lib/containers/storage/overlay/abc/diff"));
        assertThat(layout.linkFile("abc")).isEqualTo(Path.of("/var/lib/containers/storage/overlay/abc/link"));
        assertThat(layout.lowerFile("abc")).isEqualTo(Path.of("/var/lib/containers/storage/overlay/abc/lower"));
        assertThat(layout.mergedDir("abc")).isEqualTo(Path.of("/var/lib/containers/storage/overlay/abc/merged"));
        assertThat(layout.workDir("abc")).isEqualTo(Path.of("/var/lib/containers/storage/overlay/abc/work"));
        assertThat(layout.emptyDir("abc")).isEqualTo(Path.of("/var/lib/containers/storage/overlay/abc/empty"));
        assertThat(layout.shortLink("ABC")).isEqualTo(Path.of("/var/lib/containers/storage/overlay/l/ABC"));
    }

    @Test
    void eachIndexFileSitsNextToItsLock() {
        assertThat(layout.containersJson()).isEqualTo(Path.of("/var/lib/containers/storage/overlay-containers/containers.json"));
        assertThat(layout.volatileContainersJson()).isEqualTo(Path.of("/var/lib/containers/storage/overlay-containers/volatile-containers.json"));
        assertThat(layout.containersLock()).isEqualTo(Path.of("/var/lib/containers/storage/overlay-containers/containers.lock"));
        assertThat(layout.imagesJson()).isEqualTo(Path.of("/var/lib/containers/storage/overlay-images/images.json"));
        assertThat(layout.imagesLock()).isEqualTo(Path.of("/var/lib/containers/storage/overlay-images/images.lock"));
        assertThat(layout.layersJson()).isEqualTo(Path.of("/var/lib/containers/storage/overlay-layers/layers.json"));
        assertThat(layout.volatileLayersJson()).isEqualTo(Path.of("/var/lib/containers/storage/overlay-layers/volatile-layers.json"));
        assertThat(layout.layersLock()).isEqualTo(Path.of("/var/lib/containers/storage/overlay-layers/layers.lock"));
        assertThat(layout.userdataDir("abc")).isEqualTo(Path.of("/var/lib/containers/storage/overlay-containers/abc/userdata"));
    }

    @Test
    void aRelativeGraphRootIsMadeAbsolute() {
        Path root = new OverlayLayout(Path.of("a/../storage")).graphRoot();

        assertThat(root.isAbsolute()).isTrue();
        assertThat(root.toString()).endsWith("/storage").doesNotContain("..");
    }
}
