package capas.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import capas.CapasException;
import capas.ChildProcess;
import capas.os.Posix;
import capas.store.Location;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lesson's folders (lower, upper, work, merged with f1–f4) built by the test, read without
 * mounting them: the same answers overlayfs gives. The whiteout is made by overlayfs itself in a
 * user namespace, as any user can on Linux 5.11 and later; trusted.* marks need root, so that test
 * runs only as root (the notebook IT covers it live as the lab user).
 */
class HandOverlayTest {
    @TempDir
    Path dir;
    private HandOverlay overlay;

    @BeforeEach
    void lessonFolders() throws Exception {
        for (String d : new String[] {"lower", "upper", "work", "merged"}) {
            Files.createDirectories(dir.resolve(d));
        }
        write("lower/f1", "Fichero 1 en la capa lower");
        write("lower/f2", "Fichero 2 en la capa lower");
        write("lower/f3", "Fichero 3 en la capa lower");
        write("upper/f3", "Fichero 3 en la capa upper");
        write("upper/f4", "Fichero 4 en la capa upper");
        overlay = HandOverlay.in(dir);
    }

    private Path write(String path, String text) throws Exception {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void upperWinsOverLowerAndEachFileComesFromItsFolder() {
        assertThat(overlay.locate("/f3").layer()).isEqualTo("upper");
        assertThat(overlay.locate("/f3").host()).isEqualTo(dir.resolve("upper/f3"));
        assertThat(overlay.locate("/f1").layer()).isEqualTo("lower");
        assertThat(overlay.locate("/f4").layer()).isEqualTo("upper");
        assertThat(overlay.locate("/f9").state()).isEqualTo(Location.State.ABSENT);
        assertThat(overlay.locate("/f3").toString()).contains("/f3 (fichero) sale de la capa upper").contains(dir.resolve("upper/f3").toString());
    }

    @Test
    void theLeftmostLowerIsOnTop() throws Exception {
        for (String l : new String[] {"lower1", "lower2", "lower3"}) {
            write(l + "/comun", l);
        }
        write("lower3/solo3", "3");
        HandOverlay three = HandOverlay.of(dir.resolve("merged"), dir.resolve("upper"), dir.resolve("work"), dir.resolve("lower1"),
                dir.resolve("lower2"), dir.resolve("lower3"));

        assertThat(three.locate("/comun").layer()).isEqualTo("lower1");
        assertThat(three.locate("/solo3").layer()).isEqualTo("lower3");
        assertThat(three.lowers()).containsExactly(dir.resolve("lower1"), dir.resolve("lower2"), dir.resolve("lower3"));
    }

    @Test
    void anOpaqueDirectoryMarkedInUserXattrsHidesTheLowerOne() throws Exception {
        write("lower/d/viejo", "viejo");
        write("upper/d/nuevo", "nuevo");
        assertThat(overlay.locate("/d/viejo").layer()).isEqualTo("lower");
        UserDefinedFileAttributeView view = Files.getFileAttributeView(dir.resolve("upper/d"), UserDefinedFileAttributeView.class);
        view.write("overlay.opaque", ByteBuffer.wrap("y".getBytes(StandardCharsets.UTF_8)));

        assertThat(overlay.isOpaque("/d")).isTrue();
        assertThat(overlay.locate("/d/viejo").state()).isEqualTo(Location.State.ABSENT);
        assertThat(overlay.locate("/d/nuevo").layer()).isEqualTo("upper");
    }

    @Test
    void aWhiteoutHidesTheLowerFile() throws Exception {
        // A student's rm in merged: overlayfs writes the whiteout into upper. Mounted in a user namespace of
        // this user's (userxattr), which needs no root; only a kernel or system that refuses it skips this test.
        String rm = "mount -t overlay overlay -o lowerdir=\"$1/lower\",upperdir=\"$1/upper\",workdir=\"$1/work\",userxattr \"$1/merged\""
                + " && rm \"$1/merged/f2\"";
        ChildProcess.Result deleted = ChildProcess.run(new ProcessBuilder("unshare", "--user", "--map-root-user", "--mount",
                "sh", "-c", rm, "sh", dir.toString()).redirectErrorStream(true), Duration.ofSeconds(30));
        Assumptions.assumeTrue(deleted.exitCode() == 0,
                "overlayfs in a user namespace could not delete /f2 here (exit " + deleted.exitCode() + "): " + deleted.output().strip());

        OverlayLocation where = overlay.locate("/f2");
        assertThat(where.deleted()).isTrue();
        assertThat(where.layer()).isEqualTo("upper");
        assertThat(where.toString()).contains("marca de borrado (whiteout");
        assertThat(overlay.diagram("/f2").svg()).contains("✗ /f2");
    }

    @Test
    void aTrustedOpaqueMarkIsSeenOnlyByRoot() throws Exception {
        Assumptions.assumeTrue(Posix.isRoot(), "trusted.* xattrs need root");
        write("lower/d/viejo", "viejo");
        Files.createDirectories(dir.resolve("upper/d"));
        run("python3", "-c", "import os,sys; os.setxattr(sys.argv[1], 'trusted.overlay.opaque', b'y')", dir.resolve("upper/d").toString());

        assertThat(overlay.seesTrustedMarks()).isTrue();
        assertThat(overlay.isOpaque("/d")).isTrue();
        assertThat(overlay.locate("/d/viejo").state()).isEqualTo(Location.State.ABSENT);
    }

    @Test
    void aSymlinkInALayerIsFollowedInsideTheOverlayNeverOnTheHost() throws Exception {
        Files.createSymbolicLink(dir.resolve("upper/escape"), Path.of("../../../../../../etc"));
        Files.createSymbolicLink(dir.resolve("upper/abs"), Path.of("/etc"));

        assertThat(overlay.locate("/escape/passwd").state()).isEqualTo(Location.State.ABSENT);
        assertThat(overlay.locate("/abs/passwd").state()).isEqualTo(Location.State.ABSENT);
        assertThat(overlay.locate("/abs/f1").layer()).isNull();
        assertThat(overlay.isOpaque("/../../etc")).isFalse();
        Files.createDirectories(dir.resolve("fuera/d"));
        Files.getFileAttributeView(dir.resolve("fuera/d"), UserDefinedFileAttributeView.class)
                .write("overlay.opaque", ByteBuffer.wrap("y".getBytes(StandardCharsets.UTF_8)));
        Files.createSymbolicLink(dir.resolve("upper/salida"), dir.resolve("fuera"));
        assertThat(overlay.isOpaque("/salida/d")).as("an opaque folder outside the overlay, reached through a symlink").isFalse();
    }

    @Test
    void aFolderThatIsASymlinkIsRefused() throws Exception {
        Files.createSymbolicLink(dir.resolve("trampa"), Path.of("/etc"));

        assertThatThrownBy(() -> HandOverlay.of(dir.resolve("merged"), dir.resolve("trampa"), dir.resolve("work"), dir.resolve("lower")))
                .isInstanceOf(CapasException.class).hasMessageContaining("trampa");
    }

    @Test
    void theDiagramIsTheContainersRendererWithTheFoldersRoles() {
        var diagram = overlay.diagram("/f3");
        String svg = diagram.svg();

        assertThat(svg).startsWith("<?xml").contains("Overlay montado a mano en " + dir.resolve("merged"))
                .contains("upperdir · lectura y escritura · upper").contains("lowerdir · sólo lectura · lower").contains("★ /f3")
                .doesNotContain("overlay/l/").doesNotContain("capa del contenedor");
        assertThat(diagram.description()).contains("1. upperdir · lectura y escritura · upper: " + dir.resolve("upper"))
                .contains("2. lowerdir · sólo lectura · lower: " + dir.resolve("lower"))
                .contains("El fichero /f3 está en la capa upper: " + dir.resolve("upper/f3"));
        assertThat(overlay.isMounted()).isFalse();
        assertThat(overlay.toMimeBundle()).containsKeys("image/svg+xml", "text/html", "text/plain");
    }

    private static void run(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).inheritIO().start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
    }
}
