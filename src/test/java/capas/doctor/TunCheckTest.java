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
}
