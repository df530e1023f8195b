package capas.store;

import capas.Mode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountInfoTest {
    @Test
    void parsesARealRootfulOverlayMount(@TempDir Path dir) throws Exception {
        Store store = Store.read(Mode.ROOTFUL, FixtureStore.lay("rootful", dir));
        OverlayMount mount = MountInfo.parse(FixtureStore.mountinfo("rootful")).get(0);
        Container c = store.container("capas-fixture");

        assertThat(mount.mergedDir()).isEqualTo("/var/lib/containers/storage/overlay/" + c.layer() + "/merged");
        assertThat(mount.upperDir()).endsWith(c.layer() + "/diff");
        assertThat(mount.workDir()).endsWith(c.layer() + "/work");
        assertThat(mount.lowerDirs()).hasSize(3).allMatch(l -> l.contains("/overlay/l/"));
        assertThat(mount.options()).doesNotContain("userxattr");
    }

    @Test
    void resolvesShortLinksOfLowerdirToTheImageLayersTopFirst(@TempDir Path dir) throws Exception {
        Store store = Store.read(Mode.ROOTFUL, FixtureStore.lay("rootful", dir));
        OverlayMount mount = MountInfo.parse(FixtureStore.mountinfo("rootful")).get(0);
        Image image = store.image(store.container("capas-fixture").imageId());

        List<String> expected = new java.util.ArrayList<>(store.imageLayers(image).stream().map(Layer::id).toList());
        java.util.Collections.reverse(expected);
        assertThat(mount.lowerLayerIds(store)).isEqualTo(expected);
    }

    @Test
    void rootlessMountsCarryUserxattr() throws Exception {
        OverlayMount mount = MountInfo.parse(FixtureStore.mountinfo("rootless")).get(0);

        assertThat(mount.options()).contains("userxattr");
        assertThat(mount.mergedDir()).startsWith("/home/alumno/.local/share/containers/storage/overlay/");
    }

    @Test
    void unescapesSpacesAndIgnoresOtherFileSystems() {
        List<OverlayMount> mounts = MountInfo.parse(List.of(
                "62 26 254:0 /x /var/lib/containers/storage/overlay rw,relatime - ext4 /dev/vda rw",
                "90 26 0:50 / /tmp/mi\\040carpeta/merged rw - overlay overlay rw,lowerdir=/a:/b,upperdir=/u,workdir=/w,redirect_dir=on"));

        assertThat(mounts).hasSize(1);
        assertThat(mounts.get(0).mergedDir()).isEqualTo("/tmp/mi carpeta/merged");
        assertThat(mounts.get(0).lowerDirs()).containsExactly("/a", "/b");
        assertThat(mounts.get(0).options()).anyMatch(o -> o.startsWith("redirect_dir="));
    }
}
