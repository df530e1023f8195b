package capas.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FuseCheckTest {
    @Test
    void aDeviceTheUserCanOpenIsOk() {
        Check check = new FuseCheck(new MemoryHost().device("/dev/fuse", 0666, true)).run();

        assertThat(check.status()).isEqualTo(Status.OK);
        assertThat(check.topic()).isEqualTo("/dev/fuse");
    }

    @Test
    void aClosedDeviceIsAWarningCapasCanRepair() {
        Check check = new FuseCheck(new MemoryHost().device("/dev/fuse", 0600, false)).run();

        assertThat(check.status()).isEqualTo(Status.AVISO);
        assertThat(check.detail()).contains("fuse: failed to open /dev/fuse: Permission denied");
        assertThat(check.fix()).isEqualTo("sudo chmod 0666 /dev/fuse");
        assertThat(check.repairable()).isTrue();
    }

    @Test
    void theRepairOpensTheDeviceToEveryUser() {
        List<List<String>> ranAsRoot = new ArrayList<>();
        Check check = new FuseCheck(new MemoryHost().asRoot().device("/dev/fuse", 0600, true)).run();

        Repairs.Outcome outcome = Repairs.applyFailed(new Diagnosis(List.of(check)), ranAsRoot::add);

        assertThat(ranAsRoot).containsExactly(List.of("chmod", "0666", "/dev/fuse"));
        assertThat(outcome.done()).singleElement().asString().startsWith("/dev/fuse abierto").contains("fuse-overlayfs");
    }

    @Test
    void asRootTheModeForOthersDecides() {
        // Root can open it anyway: what matters is what the lab user will meet (crw------- without udev).
        assertThat(new FuseCheck(new MemoryHost().asRoot().device("/dev/fuse", 0600, true)).run().status()).isEqualTo(Status.AVISO);
        assertThat(new FuseCheck(new MemoryHost().asRoot().device("/dev/fuse", 0666, true)).run().status()).isEqualTo(Status.OK);
    }

    @Test
    void noDeviceIsAWarning() {
        Check check = new FuseCheck(new MemoryHost()).run();

        assertThat(check.status()).isEqualTo(Status.AVISO);
        assertThat(check.fix()).isEqualTo("sudo modprobe fuse");
        assertThat(check.repairable()).isFalse();
    }
}
