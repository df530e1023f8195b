package capas.podman;

import static org.assertj.core.api.Assertions.assertThat;

import capas.os.CommandResult;
import org.junit.jupiter.api.Test;

class PodmanTest {

    @Test
    void aListingThatMetARemovalIsAskedAgain() {
        // podman 4.3's words when an image or container goes away between listing and reading it.
        assertThat(Podman.vanishedWhileListing(new CommandResult(125, "",
                "Error: 2f3c1d0e9a8b: image not known\n"))).isTrue();
        assertThat(Podman.vanishedWhileListing(new CommandResult(125, "",
                "Error: no container with ID 9d1e found in database: no such container\n"))).isTrue();
    }

    @Test
    void anyOtherFailureOfAListingIsNotRetried() {
        assertThat(Podman.vanishedWhileListing(new CommandResult(0, "[]", ""))).isFalse();
        assertThat(Podman.vanishedWhileListing(new CommandResult(125, "",
                "Error: database configuration mismatch\n"))).isFalse();
    }
}
