package capas.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AulaCheckTest {
    /** A student's classroom container, as the spawner starts it and the doctor sees it. */
    private static MemoryHost classroomContainer() {
        return new MemoryHost().env("CAPAS_AULA", "1").dir("/opt/capas-aula")
                .file("/proc/sys/kernel/hostname", "capas-aula-ana\n")
                .file("/proc/self/uid_map", "         0  600000000     231072\n")
                .answers("df -B1 --output=size,avail /home/alumno", 0, " 1B-blocks      Avail\n8350298112 8294543360\n")
                .file("/sys/fs/cgroup/memory/memory.limit_in_bytes", "3221225472\n");
    }

    @Test
    void outsideAClassroomContainerSaysNothing() {
        AulaCheck check = new AulaCheck(new MemoryHost());

        assertThat(check.inClassroom()).isFalse();
        assertThat(check.run()).isEmpty();
    }

    @Test
    void theVariableAloneOrTheImagesFolderAloneMeanAClassroomContainer() {
        assertThat(new AulaCheck(new MemoryHost().env("CAPAS_AULA", "1")).inClassroom()).isTrue();
        assertThat(new AulaCheck(new MemoryHost().dir("/opt/capas-aula")).inClassroom()).isTrue();
        assertThat(new AulaCheck(new MemoryHost().env("CAPAS_AULA", "0")).inClassroom()).isFalse();
    }

    @Test
    void inAClassroomContainerEveryLineIsOkAndSaysWhatChanges() {
        List<Check> checks = new AulaCheck(classroomContainer()).run();

        assertThat(checks).allSatisfy(c -> assertThat(c.status()).isEqualTo(Status.OK));
        assertThat(checks).extracting(Check::topic).containsExactly("Aula", "Aula: sudo", "Aula: almacén rootful",
                "Aula: contenedores de dentro", "Aula: disco y memoria");
        assertThat(checks.get(0).detail()).contains("contenedor del servidor del aula (capas-aula-ana)");
        assertThat(checks.get(1).detail()).contains("«0 600000000 231072»", "uid 600000000 del servidor");
        assertThat(checks.get(2).detail()).contains("/var/lib/containers", "en tu disco", "no es el del servidor");
        assertThat(checks.get(3).detail()).contains("crun", "sin cgroups", "podman stats", "--network none");
    }

    @Test
    void theLimitsAreTheStudentsDiskAndMemory() {
        String limits = new AulaCheck(classroomContainer()).run().get(4).detail();

        assertThat(limits).contains("Disco: 7,8 GiB en /home/alumno, 7,7 GiB libres", "Memoria: 3 GiB");
    }

    @Test
    void theMemoryLimitOfCgroupsV2IsReadToo() {
        MemoryHost host = classroomContainer().file("/sys/fs/cgroup/memory/memory.limit_in_bytes", "max")
                .file("/sys/fs/cgroup/memory.max", "2147483648\n");

        assertThat(new AulaCheck(host).run().get(4).detail()).contains("Memoria: 2 GiB");
    }

    @Test
    void noMemoryLimitAndNoDfAreSaidWithoutFailing() {
        MemoryHost host = classroomContainer().file("/sys/fs/cgroup/memory/memory.limit_in_bytes", "9223372036854771712\n")
                .answers("df -B1 --output=size,avail /home/alumno", 1, "df: /home/alumno: No such file or directory");

        Check limits = new AulaCheck(host).run().get(4);

        assertThat(limits.status()).isEqualTo(Status.OK);
        assertThat(limits.detail()).contains("No se ha podido medir el disco de /home/alumno", "No se lee ningún límite de memoria");
    }

    @Test
    void anUnreadableUidMapStillSaysWhatSudoIs() {
        MemoryHost host = new MemoryHost().env("CAPAS_AULA", "1");

        Check sudo = new AulaCheck(host).run().get(1);

        assertThat(sudo.status()).isEqualTo(Status.OK);
        assertThat(sudo.detail()).startsWith("sudo te da root sólo dentro de tu espacio de nombres de usuario");
    }
}
