package capas.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserNamespaceCheckTest {
    @Test
    void aWorkingUnshareIsOk() {
        Check check = new UserNamespaceCheck(new MemoryHost().answers("podman unshare true", 0, "")).run();

        assertThat(check.status()).isEqualTo(Status.OK);
    }

    @Test
    void aFailingUnshareQuotesItsLastLine() {
        MemoryHost host = new MemoryHost().answers("podman unshare true", 125,
                "WARN[0000] algo\nError: cannot set up namespace using \"/usr/bin/newuidmap\": exit status 1\n");

        Check check = new UserNamespaceCheck(host).run();

        assertThat(check.status()).isEqualTo(Status.ERROR);
        assertThat(check.detail()).contains("(Error: cannot set up namespace using \"/usr/bin/newuidmap\": exit status 1)");
        assertThat(check.fix()).contains("podman system migrate");
    }
}
