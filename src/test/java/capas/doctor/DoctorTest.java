package capas.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import capas.Mode;
import org.junit.jupiter.api.Test;

class DoctorTest {
    private static final String IMAGE = "localhost/curso/httpd:latest";
    private static final String INFO = "{\"host\":{\"ociRuntime\":{\"name\":\"runc\"},\"cgroupVersion\":\"v2\"},"
            + "\"store\":{\"graphDriverName\":\"overlay\",\"graphRoot\":\"/var/lib/containers/storage\",\"runRoot\":\"/run/containers/storage\"}}";

    /** A machine where the lab works: what {@code ./lab} leaves behind on Debian, written down. */
    private static MemoryHost preparedMachine() {
        return new MemoryHost()
                .installed("jupyter").file("/usr/bin/jupyter", "#!/usr/bin/python3\n")
                .answers("/usr/bin/python3 -c import notebook, nbconvert, nbclient", 0, "")
                .file("/home/alumno/.local/share/jupyter/kernels/capas/kernel.json", "{}")
                .answers("podman --version", 0, "podman version 4.3.1")
                .file("/etc/subuid", "alumno:100000:65536\n").file("/etc/subgid", "alumno:100000:65536\n")
                .file("/etc/nsswitch.conf", "passwd: files\n")
                .answers("podman unshare true", 0, "")
                .podmanAnswers(Mode.ROOTLESS, "info --format json", 0, INFO)
                .answers("sudo -n true", 0, "")
                .podmanAnswers(Mode.ROOTFUL, "info --format json", 0, INFO)
                .file("/proc/self/status", "CapBnd:\t000001ffffffffff\n")
                .device("/dev/net/tun", 0666, true)
                .device("/dev/fuse", 0666, true)
                .file("/proc/self/mountinfo", "26 1 254:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw\n")
                .podmanAnswers(Mode.ROOTLESS, "image exists " + IMAGE, 0, "")
                .podmanAnswers(Mode.ROOTFUL, "image exists " + IMAGE, 0, "");
    }

    @Test
    void onAPreparedMachineEveryCheckIsOk() {
        Diagnosis diagnosis = new Doctor(preparedMachine(), IMAGE).run();

        assertThat(diagnosis.checks()).allSatisfy(c -> assertThat(c.status()).as(c.topic() + ": " + c.detail()).isEqualTo(Status.OK));
        assertThat(diagnosis.checks()).extracting(Check::topic).containsExactly("Java", "Jupyter", "Núcleo Java (Capas)", "Podman",
                "uid/gid subordinados", "Espacio de nombres de usuario", "Almacén rootless", "sudo", "Almacén rootful",
                "Runtime y cgroups", "Límites (rlimits)", "/dev/net/tun", "/dev/fuse", "Montaje de /", "Imagen del curso (rootless)",
                "Imagen del curso (rootful)");
    }

    @Test
    void aUserWhoseSubordinateIdsComeFromSssdCanWorkWithAnEmptySubuid() {
        MemoryHost host = preparedMachine().file("/etc/subuid", "").file("/etc/subgid", "")
                .file("/etc/nsswitch.conf", "passwd: files sss\nsubid: sss\n");

        Diagnosis diagnosis = new Doctor(host, IMAGE).run();

        assertThat(diagnosis.check("uid/gid subordinados").status()).isEqualTo(Status.OK);
        assertThat(diagnosis.canWork()).isTrue();
        assertThat(diagnosis.count(Status.AVISO)).isZero();
    }

    @Test
    void withoutPodmanSaysSoAndStops() {
        Diagnosis diagnosis = new Doctor(new MemoryHost(), IMAGE).run();

        assertThat(diagnosis.canWork()).isFalse();
        assertThat(diagnosis.check("Podman").status()).isEqualTo(Status.ERROR);
        assertThat(diagnosis.checks()).extracting(Check::topic).endsWith("Podman");
    }

    @Test
    void asRootTheRootlessChecksGiveWayToOneWarning() {
        MemoryHost host = preparedMachine().asRoot();

        Diagnosis diagnosis = new Doctor(host, IMAGE).run();

        assertThat(diagnosis.check("Modo rootless").status()).isEqualTo(Status.AVISO);
        assertThat(diagnosis.checks()).extracting(Check::topic)
                .doesNotContain("uid/gid subordinados", "Almacén rootless", "Imagen del curso (rootless)");
        assertThat(diagnosis.check("sudo").detail()).startsWith("Eres root");
        assertThat(diagnosis.canWork()).isTrue();
    }

    @Test
    void withoutSudoTheRootfulStoreIsNotAskedAndTheRuntimeComesFromRootless() {
        MemoryHost host = preparedMachine().answers("sudo -n true", 1, "sudo: a password is required");

        Diagnosis diagnosis = new Doctor(host, IMAGE).run();

        assertThat(diagnosis.check("Almacén rootful").status()).isEqualTo(Status.AVISO);
        assertThat(diagnosis.check("Runtime y cgroups").status()).isEqualTo(Status.OK);
        assertThat(diagnosis.check("Imagen del curso (rootful)").detail()).startsWith("No se puede comprobar");
    }

    @Test
    void requirementsAreJupyterAndPodman() {
        assertThat(new Doctor(preparedMachine(), IMAGE).requirements()).extracting(Check::topic).containsExactly("Jupyter", "Podman");
    }

    @Test
    void inAClassroomContainerTheClassroomLinesComeFirstAndNothingFails() {
        MemoryHost host = preparedMachine().env("CAPAS_AULA", "1").dir("/opt/capas-aula")
                .file("/proc/self/uid_map", "0 600000000 231072\n").dir("/sys/fs/cgroup/unified")
                .file("/etc/containers/containers.conf", "[containers]\ncgroups = \"disabled\"\n")
                .podmanAnswers(Mode.ROOTFUL, "info --format json", 0, INFO.replace("runc", "crun"));

        Diagnosis diagnosis = new Doctor(host, IMAGE).run();

        assertThat(diagnosis.checks()).extracting(Check::topic).startsWith("Aula", "Aula: sudo", "Aula: almacén rootful",
                "Aula: contenedores de dentro", "Aula: disco y memoria", "Java");
        assertThat(diagnosis.count(Status.ERROR)).isZero();
        assertThat(diagnosis.count(Status.AVISO)).isZero();
    }
}
