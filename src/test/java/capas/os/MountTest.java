package capas.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountTest {
    private static final String ROOT = "26 1 254:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw,errors=remount-ro";
    private static final String OVERLAY = "90 26 0:50 / /tmp/mi\\040carpeta/merged rw,nodev master:3 - overlay overlay "
            + "rw,lowerdir=/a\\054b:/c,upperdir=/u,workdir=/w,userxattr";
    /** Captured inside podman unshare, a container running on a store with mount_program = fuse-overlayfs (podman 4.3). */
    static final String FUSE_OVERLAYFS = "68 66 0:41 / /home/alumno/.cache/capas-fuse2-8AW0/storage/overlay/"
            + "b6add11731a3eaeaf7246ed0260a92dac6a9ccd0501cf8a92be8a4806bca8304/merged rw,nodev,noatime - fuse.fuse-overlayfs fuse-overlayfs "
            + "rw,user_id=0,group_id=0,default_permissions,allow_other";

    @Test
    void oneLineGivesItsFieldsUnescaped() {
        Mount mount = Mount.parse(OVERLAY).orElseThrow();

        assertThat(mount.mountPoint()).isEqualTo("/tmp/mi carpeta/merged");
        assertThat(mount.options()).containsExactly("rw", "nodev");
        assertThat(mount.optionalFields()).containsExactly("master:3");
        assertThat(mount.fsType()).isEqualTo("overlay");
        assertThat(mount.source()).isEqualTo("overlay");
        assertThat(mount.superOptions()).containsExactly("rw", "lowerdir=/a,b:/c", "upperdir=/u", "workdir=/w", "userxattr");
        assertThat(mount.shared()).isFalse();
    }

    @Test
    void aFuseOverlayfsMountHasFusesTypeAndNamesNoFolders() {
        Mount mount = Mount.parse(FUSE_OVERLAYFS).orElseThrow();

        assertThat(mount.fsType()).isEqualTo("fuse.fuse-overlayfs");
        assertThat(mount.source()).isEqualTo("fuse-overlayfs");
        assertThat(mount.mountPoint()).endsWith("/b6add11731a3eaeaf7246ed0260a92dac6a9ccd0501cf8a92be8a4806bca8304/merged");
        assertThat(mount.superOptions()).containsExactly("rw", "user_id=0", "group_id=0", "default_permissions", "allow_other");
    }

    @Test
    void sharedComesFromTheOptionalFields() {
        Mount root = Mount.parse(ROOT).orElseThrow();

        assertThat(root.shared()).isTrue();
        assertThat(root.mountPoint()).isEqualTo("/");
        assertThat(root.source()).isEqualTo("/dev/vda1");
    }

    @Test
    void linesThatAreNotMountsAreSkipped() {
        assertThat(Mount.parse(List.of("", "basura", "1 2 3 4 5 6 sin guion", ROOT))).hasSize(1);
    }

    @Test
    void aBackslashThatIsNotAnEscapeStays() {
        assertThat(Mount.unescape("a\\b\\04")).isEqualTo("a\\b\\04");
        assertThat(Mount.unescape("tab\\011y\\134")).isEqualTo("tab\ty\\");
    }

    @Test
    void readsATableFromAFile(@TempDir Path dir) throws Exception {
        Path table = Files.write(dir.resolve("mountinfo"), List.of(ROOT, OVERLAY));

        assertThat(Mount.read(table)).extracting(Mount::fsType).containsExactly("ext4", "overlay");
    }
}
