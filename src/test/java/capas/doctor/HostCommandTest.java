package capas.doctor;

import capas.os.CommandResult;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostCommandTest {
    @Test
    void missingCommandIsExit127NotAnException(@TempDir Path empty) {
        CommandResult result = new HostCommand(empty.toString()).run("podman", "--version");

        assertThat(result.exitCode()).isEqualTo(127);
        assertThat(result.ok()).isFalse();
    }

    @Test
    void argumentsAreNeverParsedByAShell() {
        CommandResult result = new HostCommand("/usr/bin:/bin").run("echo", "$(id) ; <b>&");

        assertThat(result.out().strip()).isEqualTo("$(id) ; <b>&");
    }
}
