package capas.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {
    @Test
    void whichFindsTheFirstExecutableOnThePath(@TempDir Path dir) throws Exception {
        Path first = Files.createDirectories(dir.resolve("a"));
        Path second = Files.createDirectories(dir.resolve("b"));
        Files.writeString(first.resolve("podman"), "no ejecutable");
        Path exe = Files.writeString(second.resolve("podman"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(Commands.which("podman", first + "::" + second)).contains(exe);
        assertThat(Commands.which("podman", first.toString())).isEmpty();
        assertThat(Commands.which("podman", null)).isEmpty();
    }

    @Test
    void aFolderIsNotACommand(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("podman"));

        assertThat(Commands.which("podman", dir.toString())).isEmpty();
    }

    @Test
    void podmansWarningsAboutTheMachineAreLeftOutOfErrors() {
        String err = """
                time="2026-12-05T13:33:43Z" level=warning msg="Using cgroups-v1 which is deprecated in favor of cgroups-v2 with Podman v5 \
                and will be removed in a future version. Set environment variable `PODMAN_IGNORE_CGROUPSV1_WARNING` to hide this warning."
                WARN[0000] "/" is not a shared mount, this could cause issues or missing mounts with rootless containers
                Error: no container with name or ID "x" found: no such container""";

        assertThat(Commands.withoutNoise(err)).isEqualTo("Error: no container with name or ID \"x\" found: no such container");
    }
}
