package capas.lab;

import static org.assertj.core.api.Assertions.assertThat;

import capas.store.OverlayMount;
import java.util.List;
import org.junit.jupiter.api.Test;

class MountViewTest {
    private static final String LAYER = "b6add11731a3eaeaf7246ed0260a92dac6a9ccd0501cf8a92be8a4806bca8304";
    private static final String OVERLAY = "/home/alumno/.local/share/containers/storage/overlay/";

    private static OverlayMount mount(String fsType, List<String> options) {
        return new OverlayMount(OVERLAY + LAYER + "/merged", List.of(OVERLAY + "fb6d/diff"), OVERLAY + LAYER + "/diff",
                OVERLAY + LAYER + "/work", options, fsType);
    }

    @Test
    void aFuseOverlayfsMountSaysSoAndWhereItsFoldersComeFrom() {
        MountView view = new MountView(mount("fuse.fuse-overlayfs", List.of("rw", "allow_other")), List.of("fb6d"), LAYER);

        assertThat(view.fsType()).isEqualTo("fuse.fuse-overlayfs");
        assertThat(view.fuse()).isTrue();
        assertThat(view.toString()).contains("fuse.fuse-overlayfs", "mount_program", "del almacén", OVERLAY + LAYER + "/diff");
    }

    @Test
    void aKernelOverlaySaysItIsTheKernels() {
        MountView view = new MountView(mount("overlay", List.of("rw", "userxattr")), List.of("fb6d"), LAYER);

        assertThat(view.fuse()).isFalse();
        assertThat(view.toString()).contains("el overlay del núcleo").doesNotContain("fuse");
    }
}
