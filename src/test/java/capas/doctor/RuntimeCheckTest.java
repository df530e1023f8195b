package capas.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuntimeCheckTest {
    private static Optional<JsonNode> info(String runtime) throws Exception {
        return Optional.of(new ObjectMapper().readTree("{\"host\":{\"ociRuntime\":{\"name\":\"" + runtime + "\"},\"cgroupVersion\":\"v1\"}}"));
    }

    @Test
    void runcOnHybridCgroupsIsOk() throws Exception {
        Check check = new RuntimeCheck(new MemoryHost().dir("/sys/fs/cgroup/unified"), info("runc")).run();

        assertThat(check.status()).isEqualTo(Status.OK);
        assertThat(check.detail()).startsWith("Runtime runc, cgroups v1 (modo híbrido");
    }

    @Test
    void crunOnHybridCgroupsIsAnErrorThatSwitchesToRunc() throws Exception {
        Check check = new RuntimeCheck(new MemoryHost().dir("/sys/fs/cgroup/unified").installed("runc"), info("crun")).run();

        assertThat(check.status()).isEqualTo(Status.ERROR);
        assertThat(check.fix()).isEqualTo("/etc/containers/containers.conf.d/50-capas.conf: [engine] runtime = \"runc\"");
        assertThat(check.repairable()).isTrue();
    }

    @Test
    void crunOnHybridCgroupsWithoutRuncSaysToInstallIt() throws Exception {
        Check check = new RuntimeCheck(new MemoryHost().dir("/sys/fs/cgroup/unified"), info("crun")).run();

        assertThat(check.status()).isEqualTo(Status.ERROR);
        assertThat(check.fix()).contains("sudo apt install");
        assertThat(check.repairable()).isFalse();
    }

    @Test
    void crunOnUnifiedCgroupsIsOk() throws Exception {
        assertThat(new RuntimeCheck(new MemoryHost(), info("crun")).run().status()).isEqualTo(Status.OK);
    }

    @Test
    void noAnswerFromPodmanIsAWarning() {
        assertThat(new RuntimeCheck(new MemoryHost(), Optional.empty()).run().status()).isEqualTo(Status.AVISO);
    }

    @Test
    void crunOnHybridCgroupsIsOkWhenContainersGetNoCgroups() throws Exception {
        MemoryHost host = new MemoryHost().dir("/sys/fs/cgroup/unified")
                .file("/etc/containers/containers.conf", "[containers]\ncgroups = \"disabled\"\n\n[engine]\nruntime = \"crun\"\n");

        Check check = new RuntimeCheck(host, info("crun")).run();

        assertThat(check.status()).isEqualTo(Status.OK);
        assertThat(check.detail()).startsWith("Runtime crun, cgroups v1, con cgroups = \"disabled\"");
    }

    @Test
    void aLaterFileThatEnablesCgroupsAgainBringsTheErrorBack() throws Exception {
        MemoryHost host = new MemoryHost().dir("/sys/fs/cgroup/unified")
                .file("/etc/containers/containers.conf", "[containers]\ncgroups = \"disabled\"\n")
                .file("/etc/containers/containers.conf.d/90-otro.conf", "[containers]\ncgroups = \"enabled\"\n");

        assertThat(new RuntimeCheck(host, info("crun")).run().status()).isEqualTo(Status.ERROR);
    }

    @Test
    void aCommentedSettingDoesNotDisableCgroups() throws Exception {
        MemoryHost host = new MemoryHost().dir("/sys/fs/cgroup/unified")
                .file("/etc/containers/containers.conf", "[containers]\n# cgroups = \"disabled\"\n");

        assertThat(new RuntimeCheck(host, info("crun")).run().status()).isEqualTo(Status.ERROR);
    }
}
