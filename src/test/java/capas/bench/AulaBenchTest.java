package capas.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The classroom bench's pure parts: its roster, and reading /proc and the containers' cgroups. */
class AulaBenchTest {
    @Test
    void theStudentsAreNumberedAndGetAPasswordInTheRoster() {
        assertThat(AulaBench.students(3)).containsExactly("bench-01", "bench-02", "bench-03");
        assertThat(AulaBench.roster(AulaBench.students(2)))
                .isEqualTo("nombre;contraseña;rol\nbench-01;clave-de-bench-01;alumno\nbench-02;clave-de-bench-02;alumno\n");
    }

    @Test
    void aContainersCgroupsAreFoundFromItsProcessesCgroupFile() {
        String proc = "12:pids:/machine.slice/libpod-abc.scope\n"
                + "5:cpu,cpuacct:/machine.slice/libpod-abc.scope\n"
                + "4:memory:/machine.slice/libpod-abc.scope\n"
                + "1:name=systemd:/machine.slice/libpod-abc.scope\n";
        AulaBench.Cgroup group = AulaBench.Cgroup.parse(proc, Path.of("/sys/fs/cgroup"));
        assertThat(group.memory()).isEqualTo(Path.of("/sys/fs/cgroup/memory/machine.slice/libpod-abc.scope"));
        assertThat(group.cpuacct()).isEqualTo(Path.of("/sys/fs/cgroup/cpu,cpuacct/machine.slice/libpod-abc.scope"));
    }

    @Test
    void theWorkingSetLeavesOutTheInactiveFileCache() {
        String stat = "cache 500\nrss 300\ntotal_cache 700\ntotal_rss 300\ntotal_inactive_file 400\n";
        assertThat(AulaBench.Cgroup.workingSet(1000, stat)).isCloseTo(600, within(1e-9));
        assertThat(AulaBench.Cgroup.workingSet(1000, "rss 300\n")).isCloseTo(1000, within(1e-9));
    }

    @Test
    void theBusyShareIsBusyJiffiesOverAllOfThemBetweenTwoReadings() {
        long[] before = AulaBench.parseProcStat("cpu  100 0 50 800 50 0 0 0 0 0\ncpu0 1 2 3 4\n");
        long[] after = AulaBench.parseProcStat("cpu  250 0 100 850 50 0 0 0 0 0\n");
        assertThat(before).containsExactly(150, 1000);
        // 200 busy jiffies of 250.
        assertThat(AulaBench.busyShare(before, after)).isCloseTo(0.8, within(1e-9));
        assertThat(AulaBench.busyShare(before, before)).isNaN();
    }

    @Test
    void theAvailableMemoryIsReadFromMeminfo() {
        assertThat(AulaBench.parseMemAvailableKb("MemTotal: 24000000 kB\nMemFree: 1000 kB\nMemAvailable:   20480000 kB\n"))
                .isCloseTo(20_480_000, within(1e-9));
    }
}
