package capas.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import capas.CapasException;
import capas.context.MountPoint;
import capas.lab.ProcessNamespaces.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamespacesTest {
    private final Namespaces ns = new Namespaces(List.of(
            new ProcessNamespaces(Role.HOST, null, 10, 1001, "mnt:[4026531841]", "user:[4026531837]"),
            new ProcessNamespaces(Role.PAUSE, null, 20, 1001, "mnt:[4026532500]", "user:[4026532499]"),
            new ProcessNamespaces(Role.UNSHARE, null, 30, 1001, "mnt:[4026532500]", "user:[4026532499]"),
            new ProcessNamespaces(Role.CONTAINER, "contenedor1", 40, 1001, "mnt:[4026532600]", "user:[4026532499]")));

    @Test
    void findsEachProcessByItsRole() {
        assertThat(ns.host().pid()).isEqualTo(10);
        assertThat(ns.pause().mnt()).isEqualTo(ns.unshare().mnt());
        assertThat(ns.container("contenedor1").pid()).isEqualTo(40);
        assertThatThrownBy(() -> ns.container("contenedor9")).isInstanceOfSatisfying(CapasException.class,
                e -> assertThat(e.kind()).isEqualTo(CapasException.Kind.UNKNOWN_CONTAINER));
    }

    @Test
    void showsATableInSpanish() {
        assertThat(ns.toString()).contains("proceso de pausa de Podman").contains("PID 1 de contenedor1").contains("mnt:[4026532600]");
        assertThat(ns.toMimeBundle().get("text/html")).contains("<table").contains("dentro de podman unshare");
    }

    @Test
    void mountinfoGivesEveryFileSystemNotOnlyOverlays() {
        List<MountPoint> mounts = MountPoint.parse(List.of(
                "22 1 0:21 / / rw,relatime shared:1 - ext4 /dev/vda1 rw",
                "612 580 0:75 / /home/alumno/capas\\04004-tmpfs rw,relatime - tmpfs tmpfs rw,size=1024k,uid=1001,gid=1001",
                "roto"));
        assertThat(mounts).containsExactly(new MountPoint("/", "ext4", "/dev/vda1"),
                new MountPoint("/home/alumno/capas 04-tmpfs", "tmpfs", "tmpfs"));
    }
}
