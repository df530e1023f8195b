package capas.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Lesson 04 (rootless), executed top to bottom through real Jupyter on the Capas kernel as the
 * lab user, checked by what a student would look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RootlessNotebookIT {
    private ExecutedNotebook nb;

    @BeforeAll
    void execute() {
        Prerequisites.requireExecutable("/usr/bin/jupyter");
        Prerequisites.require(!"root".equals(System.getProperty("user.name")), "an unprivileged user (rootless podman)");
        nb = NotebookRunner.execute(Path.of("notebooks", "04-almacenamiento-rootless.ipynb"));
    }

    @Test
    void hostDoesNotSeeTheOverlaysButUnshareSeesBoth() {
        assertThat(nb.cell("host-mount").text()).contains("ningún montaje overlay de tu almacén rootless");
        assertThat(nb.cell("unshare-mount").text().lines().filter(l -> l.startsWith("overlay on ")).count()).isGreaterThanOrEqualTo(2);
        assertThat(nb.cell("comprueba-montajes").text()).contains("✓ dentro de podman unshare: los montajes de contenedor1 y contenedor2");
    }

    @Test
    void uidMapTableShowsTheUserAsRootAndTheSubordinateRange() {
        long uid = Long.parseLong(System.getProperty("capas.uid", String.valueOf(new com.sun.security.auth.module.UnixSystem().getUid())));
        assertThat(nb.cell("idmap").text()).contains("0–0 → " + uid + "–" + uid).containsPattern("1–65536 → \\d+–\\d+");
        assertThat(nb.cell("comprueba-idmap").text()).contains("✓ el uid " + uid + " del anfitrión es root (0) dentro");
    }

    @Test
    void ownersDifferInsideAndOutside() {
        assertThat(nb.cell("unshare-ls").text()).containsPattern("1000\\s+1000 .* de-usuario.txt").containsPattern(" 0\\s+0 .* tmpfile.txt");
        assertThat(nb.cell("owners").html()).contains("de-usuario.txt").contains("1000:1000").contains("0:0");
        assertThat(nb.cell("comprueba-owners").text()).contains("✓ tmpfile.txt: root dentro").contains("✓ de-usuario.txt: uid 1000 dentro");
    }

    @Test
    void rootlessOverlayUsesUserxattr() {
        assertThat(nb.cell("userxattr").text()).contains("userxattr");
        assertThat(nb.cell("comprueba-userxattr").svg()).contains("<svg");
    }

    @Test
    void cleansUpWhatItCreated() {
        assertThat(nb.cell("cleanup").text().strip()).endsWith("0");
    }
}
