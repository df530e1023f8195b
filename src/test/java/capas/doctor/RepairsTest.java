package capas.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import capas.CapasException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepairsTest {
    private final List<List<String>> ranAsRoot = new ArrayList<>();
    private final AsRoot recorder = ranAsRoot::add;

    @Test
    void onlyTheRepairsOfFailedChecksAreApplied() {
        Diagnosis diagnosis = new Diagnosis(List.of(
                Check.ok("tun", "bien").repairedBy(Repairs.openDevice(Path.of("/dev/net/tun"), "repair.tun")),
                Check.warn("/", "privado", "sudo mount --make-rshared /").repairedBy(Repairs.sharedRoot()),
                Check.error("Podman", "falta", "sudo apt install podman")));

        Repairs.Outcome outcome = Repairs.applyFailed(diagnosis, recorder);

        assertThat(ranAsRoot).containsExactly(List.of("mount", "--make-rshared", "/"));
        assertThat(outcome.done()).singleElement().asString().contains("mount --make-rshared /");
        assertThat(outcome.failed()).isEmpty();
    }

    @Test
    void aFailedRepairIsReportedAndTheOthersStillRun() {
        AsRoot refusing = argv -> {
            if (argv.get(0).equals("chmod")) {
                throw new CapasException(CapasException.Kind.ENVIRONMENT, "no");
            }
            ranAsRoot.add(argv);
        };
        Diagnosis diagnosis = new Diagnosis(List.of(
                Check.warn("tun", "cerrado", "x").repairedBy(Repairs.openDevice(Path.of("/dev/net/tun"), "repair.tun")),
                Check.warn("/", "privado", "y").repairedBy(Repairs.sharedRoot())));

        Repairs.Outcome outcome = Repairs.applyFailed(diagnosis, refusing);

        assertThat(outcome.failed()).containsExactly("tun: no");
        assertThat(ranAsRoot).containsExactly(List.of("mount", "--make-rshared", "/"));
    }

    @Test
    void theDropInIsInstalledAsRootWithTheMergedSettings(@TempDir Path dir) throws Exception {
        Path dropIn = dir.resolve("containers.conf.d/50-capas.conf");
        List<String> staged = new ArrayList<>();
        AsRoot root = argv -> {
            ranAsRoot.add(argv);
            try {
                staged.add(Files.readString(Path.of(argv.get(4))));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        };

        String said = Repairs.dropIn(dropIn, "containers", "default_ulimits", RlimitsCheck.LOWER_ULIMITS, "repair.rlimits").apply(root);

        assertThat(ranAsRoot).singleElement().satisfies(argv -> assertThat(argv.subList(0, 4)).containsExactly("install", "-D", "-m", "0644"));
        assertThat(ranAsRoot.get(0).get(5)).isEqualTo(dropIn.toString());
        assertThat(staged).singleElement().asString().contains("[containers]").contains("default_ulimits");
        assertThat(said).contains("CAP_SYS_RESOURCE").contains(dropIn.toString());
    }

    @Test
    void aNormalUserIsNeverFixedWithoutAsking() {
        org.junit.jupiter.api.Assumptions.assumeFalse(capas.os.Posix.isRoot(), "as root the fixes may run directly");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AsRoot.forThisProcess(false)).isInstanceOf(CapasException.class)
                .hasMessageContaining("como root");
    }
}
