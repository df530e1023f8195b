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

    /**
     * The fuse-overlayfs line captured on a real run (MountTest.FUSE_OVERLAYFS), its store moved to
     * the rootless fixture's: the same container, mounted by fuse-overlayfs instead of the kernel.
     */
    private static List<String> fuseMountinfo(Store store) {
        String merged = store.mergedDir(store.container("capas-fixture").layer()).toString();
        return List.of("68 66 0:41 / " + merged + " rw,nodev,noatime - fuse.fuse-overlayfs fuse-overlayfs "
                + "rw,user_id=0,group_id=0,default_permissions,allow_other");
    }

    @Test
    void aFuseOverlayfsMountIsAnOverlayWhoseTableNamesNoFolders(@TempDir Path dir) throws Exception {
        Store store = Store.read(Mode.ROOTLESS, FixtureStore.lay("rootless", dir));

        OverlayMount mount = MountInfo.parse(fuseMountinfo(store)).get(0);

        assertThat(mount.fuse()).isTrue();
        assertThat(mount.fsType()).isEqualTo("fuse.fuse-overlayfs");
        assertThat(mount.mergedDir()).endsWith("/merged");
        assertThat(mount.lowerDirs()).isEmpty();
        assertThat(mount.upperDir()).isNull();
        assertThat(mount.options()).contains("allow_other");
    }

    @Test
    void theFoldersOfAFuseOverlayfsMountComeFromTheStoreAsTheKernelWouldHaveThem(@TempDir Path dir) throws Exception {
        Store store = Store.read(Mode.ROOTLESS, FixtureStore.lay("rootless", dir));
        Container c = store.container("capas-fixture");
        OverlayMount kernel = MountInfo.parse(FixtureStore.mountinfo("rootless")).get(0);

        OverlayMount fuse = MountInfo.parse(fuseMountinfo(store)).get(0).withFoldersOf(store, c);

        // As podman's GraphDriver data: the layer's diff and work, the parents' diffs top first.
        assertThat(fuse.upperDir()).isEqualTo(store.diffDir(c.layer()).toString());
        assertThat(fuse.workDir()).isEqualTo(store.workDir(c.layer()).toString());
        assertThat(fuse.lowerDirs()).allMatch(l -> l.startsWith(dir.toString()) && l.endsWith("/diff"));
        assertThat(fuse.lowerLayerIds(store)).hasSize(3).isEqualTo(kernel.lowerLayerIds(store));
        assertThat(fuse.fsType()).isEqualTo("fuse.fuse-overlayfs");
    }

    @Test
    void aKernelOverlayKeepsTheFoldersItsTableNames(@TempDir Path dir) throws Exception {
        Store store = Store.read(Mode.ROOTLESS, FixtureStore.lay("rootless", dir));
        OverlayMount kernel = MountInfo.parse(FixtureStore.mountinfo("rootless")).get(0);

        assertThat(kernel.fuse()).isFalse();
        assertThat(kernel.fsType()).isEqualTo("overlay");
        assertThat(kernel.withFoldersOf(store, store.container("capas-fixture"))).isSameAs(kernel);
    }

    @Test
    void unescapesSpacesAndIgnoresOtherFileSystems() {
        List<OverlayMount> mounts = MountInfo.parse(List.of(
                "62 26 254:0 /x /var/lib/containers/storage/overlay rw,relatime - ext4 /dev/vda rw",
                "70 26 0:44 / /home/alumno/.gvfs rw - fuse.gvfsd-fuse gvfsd-fuse rw,user_id=1001,group_id=1001",
                "90 26 0:50 / /tmp/mi\\040carpeta/merged rw - overlay overlay rw,lowerdir=/a:/b,upperdir=/u,workdir=/w,redirect_dir=on"));

        assertThat(mounts).hasSize(1);
        assertThat(mounts.get(0).mergedDir()).isEqualTo("/tmp/mi carpeta/merged");
        assertThat(mounts.get(0).lowerDirs()).containsExactly("/a", "/b");
        assertThat(mounts.get(0).options()).anyMatch(o -> o.startsWith("redirect_dir="));
    }
}
