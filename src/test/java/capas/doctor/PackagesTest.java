package capas.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackagesTest {
    @Test
    void theListsTheLauncherReadsAreTheOnesInTheJar() throws Exception {
        // ./lab reads paquetes/<distro>.txt; Java reads them from the jar: the same files.
        Path root = Path.of(System.getProperty("capas.root", ".")).toAbsolutePath();
        for (String distro : List.of("debian", "fedora")) {
            assertThat(Packages.parse(Files.readString(root.resolve("paquetes").resolve(distro + ".txt")))).isEqualTo(Packages.of(distro));
        }
    }

    @Test
    void aStudentIsAdvisedWhatTheLessonsNeedNotSudoNorTheTestBrowser() {
        assertThat(Packages.names("debian")).contains("podman", "uidmap", "busybox-static", "jupyter-notebook", "maven")
                .doesNotContain("sudo", "chromium");
        assertThat(Packages.names("debian", "jupyter")).containsExactly("jupyter-notebook", "jupyter-nbconvert", "python3-nbclient",
                "jupyter-client");
        assertThat(Packages.hint("podman")).startsWith("Debian/Ubuntu: sudo apt install podman runc uidmap")
                .contains("Fedora: sudo dnf install podman runc shadow-utils");
    }

    @Test
    void jupyterLabIsOptionalSoNeverDemandedNorAdvisedWhereTheReleaseLacksIt() {
        assertThat(Packages.of("debian")).contains(new Packages.Package("jupyterlab", "jupyter", "jupyter-lab", true));
        assertThat(Packages.names("debian")).doesNotContain("jupyterlab");
        assertThat(Packages.names("debian", "jupyter")).doesNotContain("jupyterlab");
        assertThat(Packages.of("debian")).filteredOn(Packages.Package::optional).extracting(Packages.Package::name)
                .containsExactly("jupyterlab");
    }

    @Test
    void aFourthFieldMarksAnOptionalPackageAndADashNoCommand() {
        assertThat(Packages.parse("jupyterlab jupyter jupyter-lab opcional\nalgo podman - opcional\n")).containsExactly(
                new Packages.Package("jupyterlab", "jupyter", "jupyter-lab", true), new Packages.Package("algo", "podman", null, true));
    }

    @Test
    void eachLineIsPackageGroupAndTheCommandThatProvesIt() {
        assertThat(Packages.parse("# comentario\n\nmaven   java  mvn\nslirp4netns podman\n")).containsExactly(
                new Packages.Package("maven", "java", "mvn"), new Packages.Package("slirp4netns", "podman", null));
    }
}
