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
}
