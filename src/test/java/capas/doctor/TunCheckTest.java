package capas.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TunCheckTest {
    @Test
    void aDeviceTheUserCanOpenIsOk() {
        assertThat(new TunCheck(new MemoryHost().device("/dev/net/tun", 0666, true)).run().status()).isEqualTo(Status.OK);
    }

    @Test
    void aClosedDeviceIsAWarningCapasCanRepair() {
        Check check = new TunCheck(new MemoryHost().device("/dev/net/tun", 0600, false)).run();

        assertThat(check.status()).isEqualTo(Status.AVISO);
        assertThat(check.fix()).isEqualTo("sudo chmod 0666 /dev/net/tun");
        assertThat(check.repairable()).isTrue();
    }

    @Test
    void asRootTheModeForOthersDecides() {
        // Root can open it anyway: what matters is what the lab user will meet.
        Check check = new TunCheck(new MemoryHost().asRoot().device("/dev/net/tun", 0600, true)).run();

        assertThat(check.status()).isEqualTo(Status.AVISO);
        assertThat(new TunCheck(new MemoryHost().asRoot().device("/dev/net/tun", 0666, true)).run().status()).isEqualTo(Status.OK);
    }

    @Test
    void noDeviceIsAWarning() {
        Check check = new TunCheck(new MemoryHost()).run();

        assertThat(check.status()).isEqualTo(Status.AVISO);
        assertThat(check.fix()).isEqualTo("sudo modprobe tun");
    }

    @Test
    void theNetworkProgramIsTheOnePodmanNames() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        MemoryHost open = new MemoryHost().device("/dev/net/tun", 0666, true);

        // Podman 5 says it (pasta by default); podman 4 does not, and uses slirp4netns.
        Check podman5 = new TunCheck(open, java.util.Optional.of(json.readTree("{\"host\": {\"rootlessNetworkCmd\": \"pasta\"}}"))).run();
        Check podman4 = new TunCheck(open, java.util.Optional.of(json.readTree("{\"host\": {}}"))).run();

        assertThat(podman5.detail()).contains("(pasta)").doesNotContain("slirp4netns");
        assertThat(podman4.detail()).contains("(slirp4netns)");
    }
}
