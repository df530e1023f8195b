package capas.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RlimitsCheckTest {
    /** CapBnd of a VM that lacks CAP_SYS_RESOURCE (bit 24), as /proc/self/status writes it. */
    private static final String WITHOUT = "Name:\tjava\nCapEff:\t0000000000000000\nCapBnd:\t000001fffeffffff\n";
    private static final String WITH = "Name:\tjava\nCapBnd:\t000001ffffffffff\n";

    private static MemoryHost withoutCapSysResource() {
        return new MemoryHost().file("/proc/self/status", WITHOUT)
                .file("/usr/share/containers/containers.conf", "[containers]\n#default_ulimits = [\n#  \"nofile=1280:2560\",\n#]\n");
    }

    @Test
    void withCapSysResourcePodmansLimitsWork() {
        Check check = new RlimitsCheck(new MemoryHost().file("/proc/self/status", WITH)).run();

        assertThat(check.status()).isEqualTo(Status.OK);
        assertThat(check.detail()).isEqualTo("Se pueden fijar los límites por defecto de Podman.");
    }

    @Test
    void withoutItAndWithoutLowerLimitsItIsAnErrorCapasCanRepair() {
        Check check = new RlimitsCheck(withoutCapSysResource()).run();

        assertThat(check.status()).isEqualTo(Status.ERROR);
        assertThat(check.fix()).isEqualTo("/etc/containers/containers.conf.d/50-capas.conf: [containers] default_ulimits = "
                + "[\"nofile=1024:1024\", \"nproc=4096:4096\"]");
        assertThat(check.repairable()).isTrue();
    }

    @Test
    void limitsLoweredInADropInOnSeveralLinesAreOk() {
        MemoryHost host = withoutCapSysResource().file("/etc/containers/containers.conf.d/50-capas.conf", """
                [containers]
                default_ulimits = [
                  "nofile=1024:1024",
                  "nproc=4096:4096",
                ]
                """);

        Check check = new RlimitsCheck(host).run();

        assertThat(check.status()).isEqualTo(Status.OK);
        assertThat(check.detail()).contains("rebajados en /etc/containers/containers.conf.d/50-capas.conf");
    }

    @Test
    void limitsLoweredInTheUsersOwnFileAreOk() {
        MemoryHost host = withoutCapSysResource().file("/home/alumno/.config/containers/containers.conf",
                "[containers]\ndefault_ulimits = [\"nofile=1024:1024\"]\n");

        assertThat(new RlimitsCheck(host).run().status()).isEqualTo(Status.OK);
    }
}
