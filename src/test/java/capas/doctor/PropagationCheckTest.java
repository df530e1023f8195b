package capas.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PropagationCheckTest {
    @Test
    void aSharedRootIsOk() {
        MemoryHost host = new MemoryHost().file("/proc/self/mountinfo",
                "26 1 254:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw\n27 26 0:5 / /dev rw shared:2 - devtmpfs udev rw\n");

        assertThat(new PropagationCheck(host).run().status()).isEqualTo(Status.OK);
    }

    @Test
    void aPrivateRootIsAWarningCapasCanRepair() {
        MemoryHost host = new MemoryHost().file("/proc/self/mountinfo",
                "26 1 254:1 / / rw,relatime - ext4 /dev/vda1 rw\n27 26 0:5 / /dev rw shared:2 - devtmpfs udev rw\n");

        Check check = new PropagationCheck(host).run();

        assertThat(check.status()).isEqualTo(Status.AVISO);
        assertThat(check.fix()).isEqualTo("sudo mount --make-rshared /");
        assertThat(check.repairable()).isTrue();
    }

    @Test
    void theLastMountOnRootIsTheOneInEffect() {
        MemoryHost host = new MemoryHost().file("/proc/self/mountinfo",
                "26 1 254:1 / / rw shared:1 - ext4 /dev/vda1 rw\n300 26 254:2 / / rw - ext4 /dev/vdb1 rw\n");

        assertThat(new PropagationCheck(host).run().status()).isEqualTo(Status.AVISO);
    }
}
