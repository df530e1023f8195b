package capas.leccion.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import capas.Mode;
import capas.lab.Namespaces;
import capas.lab.ProcessNamespaces;
import capas.lab.ProcessNamespaces.Role;
import capas.lab.SubIdRange;
import capas.leccion.Checked;
import capas.leccion.Checklist;
import capas.store.FixtureStore;
import capas.store.IdMap;
import capas.store.Location;
import capas.store.MountInfo;
import capas.store.OverlayMount;
import capas.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lesson 04's judgements, on a captured rootless store and mount table and on hand-made facts: each holds, and each fails when its claim is false. */
class RootlessStorageTest {
    private static final long ME = 1001;
    private static final Path FIXTURE = Path.of("src/test/resources/capas/store/rootless");

    @TempDir
    Path dir;

    private static Checklist list(List<Checked> items) {
        return new Checklist("t", items);
    }

    private static IdMap uidMap() throws IOException {
        return IdMap.parse(Files.readString(FIXTURE.resolve("uid_map")));
    }

    private static Namespaces namespaces(String c2Mnt, String c2User) {
        return new Namespaces(List.of(new ProcessNamespaces(Role.HOST, null, 10, ME, "mnt:[1]", "user:[1]"),
                new ProcessNamespaces(Role.PAUSE, null, 20, ME, "mnt:[2]", "user:[2]"),
                new ProcessNamespaces(Role.UNSHARE, null, 30, ME, "mnt:[2]", "user:[2]"),
                new ProcessNamespaces(Role.CONTAINER, "contenedor1", 40, ME, "mnt:[3]", "user:[2]"),
                new ProcessNamespaces(Role.CONTAINER, "contenedor2", 50, ME, c2Mnt, c2User)));
    }

    @Test
    void eachContainerHasItsOwnMountNamespaceInPodmansUserNamespace() throws IOException {
        var f = new RootlessStorage.NsFacts(namespaces("mnt:[4]", "user:[2]"), Map.of("contenedor1", 0L, "contenedor2", 0L), uidMap(), ME);
        Checklist right = list(RootlessStorage.judgeNamespaces(f));
        assertThat(right.passed()).as(right.toString()).isTrue();
        assertThat(right.toString()).contains("✓ el PID 1 de contenedor1 es del uid 0 dentro, y del 1001 en el anfitrión").contains("(tú)");

        var shared = new RootlessStorage.NsFacts(namespaces("mnt:[3]", "user:[1]"), Map.of("contenedor1", 0L, "contenedor2", 0L), uidMap(), ME);
        assertThat(list(RootlessStorage.judgeNamespaces(shared)).toString()).contains("✗ cada contenedor tiene su propio espacio de nombres de montaje")
                .contains("✗ los dos contenedores están en el espacio de nombres de usuario de Podman");
    }

    @Test
    void theCapturedRootlessOverlayIsInThePauseProcessTableAndNotTheHosts() throws IOException {
        Store s = Store.read(Mode.ROOTLESS, FixtureStore.lay("rootless", dir.resolve("s")));
        List<String> pause = MountInfo.overlays(FIXTURE.resolve("mountinfo")).stream().map(OverlayMount::mergedDir).toList();
        assertThat(pause).hasSize(1);
        String graphRoot = pause.get(0).substring(0, pause.get(0).indexOf("/overlay/"));
        var hidden = new RootlessStorage.Hidden(graphRoot, List.of("/var/lib/containers/storage/overlay/x/merged"), pause, 20, pause,
                Map.of("contenedor1", pause.get(0)), List.of("/"));
        Checklist right = list(RootlessStorage.judgeHidden(hidden, Optional.of("No")));
        assertThat(right.passed()).as(right.toString()).isTrue();
        assertThat(right.toString()).contains("✓ el overlay de contenedor1 está en la tabla de montajes del proceso de pausa, /proc/20/mountinfo")
                .contains("✓ Tu predicción");
        assertThat(s.findContainer("capas-fixture")).isPresent();

        // A host that sees the rootless overlay, and a pause process that has not got it: both claims fail, and the "sí" was right.
        var seen = new RootlessStorage.Hidden(graphRoot, pause, pause, 20, List.of(), Map.of("contenedor1", pause.get(0)), List.of("/", "/x"));
        Checklist wrong = list(RootlessStorage.judgeHidden(seen, Optional.of("sí")));
        assertThat(wrong.passed()).isFalse();
        assertThat(wrong.toString()).contains("✗ el anfitrión no ve ningún overlay bajo " + graphRoot).contains("✗ el overlay de contenedor1 está en la tabla")
                .contains("✗ dentro de contenedor1 sólo hay un overlay").contains("✓ Tu predicción");
    }

    @Test
    void aTmpfsTheHostSeesFails() {
        var inside = new RootlessStorage.Tmpfs("/home/a/capas-04-tmpfs", List.of("tmpfs"), false, List.of(), "escrito en el tmpfs");
        assertThat(list(RootlessStorage.judgeTmpfs(inside)).passed()).isTrue();
        var onHost = new RootlessStorage.Tmpfs("/home/a/capas-04-tmpfs", List.of(), true, List.of("hola.txt"), "");
        assertThat(list(RootlessStorage.judgeTmpfs(onHost)).toString()).contains("✗ dentro de podman unshare hay un tmpfs").contains("✗ el anfitrión no tiene ese montaje")
                .contains("✗ desde el anfitrión, el directorio está vacío");
        assertThat(list(RootlessStorage.judgeTmpfsGone(new RootlessStorage.TmpfsGone("/d", false, false))).passed()).isTrue();
        assertThat(list(RootlessStorage.judgeTmpfsGone(new RootlessStorage.TmpfsGone("/d", true, true))).passed()).isFalse();
    }

    @Test
    void theCapturedUidMapMatchesSubuidAndAnotherRangeFails() throws IOException {
        IdMap gid = IdMap.parse("0 1001 1\n1 100000 65536");
        var f = new RootlessStorage.IdMaps(ME, ME, uidMap(), gid, new SubIdRange(100000, 65536), new SubIdRange(100000, 65536));
        Checklist right = list(RootlessStorage.judgeIdMaps(f, Optional.empty()));
        assertThat(right.passed()).as(right.toString()).isTrue();
        assertThat(right.toString()).contains("✓ el uid 1000 de dentro es el 100999 del anfitrión (100000 + 999)");
        var other = new RootlessStorage.IdMaps(ME, ME, uidMap(), gid, new SubIdRange(200000, 65536), new SubIdRange(100000, 65536));
        assertThat(list(RootlessStorage.judgeIdMaps(other, Optional.empty())).toString()).contains("✗ los uid 1…65536 de dentro son 200000…").contains("✗ el uid 1000 de dentro es el 200999");
    }

    @Test
    void theRootInSubuidPredictionIsRightWhenItSaysNoBecauseRootIsTheStudent() throws IOException {
        IdMap gid = IdMap.parse("0 1001 1\n1 100000 65536");
        var f = new RootlessStorage.IdMaps(ME, ME, uidMap(), gid, new SubIdRange(100000, 65536), new SubIdRange(100000, 65536));
        Checklist right = list(RootlessStorage.judgeIdMaps(f, Optional.of("No")));
        assertThat(right.passed()).isTrue();
        assertThat(right.toString()).contains("✓ Tu predicción para «¿será el root (uid 0) de dentro uno de los uid de tu rango de /etc/subuid?»: «No»\n"
                + "    En tu máquina: no: el 0 de dentro es el 1001, fuera de tu rango de /etc/subuid (100000…165535) (tú)");
        Checklist wrong = list(RootlessStorage.judgeIdMaps(f, Optional.of("sí, del primero")));
        assertThat(wrong.passed()).isTrue();
        assertThat(wrong.toString()).contains("~ Tu predicción para «¿será el root");
        Checklist none = list(RootlessStorage.judgeIdMaps(f, Optional.of("tu respuesta aquí")));
        assertThat(none.passed()).isTrue();
        assertThat(none.toString()).contains("~ No has anotado ninguna predicción para «¿será el root");
    }

    @Test
    void ownersOnDiskAreTheMappedOnesAndTheUidPredictionAcceptsTheNumberOrMine() throws IOException {
        IdMap map = uidMap();
        var files = List.of(new RootlessStorage.Owned("tmpfile.txt", 0, 0, ME, ME, 0, 0), new RootlessStorage.Owned("de-usuario.txt", 1000, 1000, 100999, 100999, 1000, 1000));
        var f = new RootlessStorage.Owners(files, map, map, ME);
        Checklist right = list(RootlessStorage.judgeOwners(f, Optional.of("1001")));
        assertThat(right.passed()).as(right.toString()).isTrue();
        assertThat(right.toString()).contains("✓ Tu predicción para «¿qué uid mostrará el anfitrión").contains("(un uid subordinado)");
        assertThat(list(RootlessStorage.judgeOwners(f, Optional.of("el mío"))).toString()).contains("✓ Tu predicción");
        assertThat(list(RootlessStorage.judgeOwners(f, Optional.of("0"))).toString()).contains("~ Tu predicción").contains("«0»\n    En tu máquina: el 1001 (tú)");

        var root = List.of(new RootlessStorage.Owned("tmpfile.txt", 0, 0, 0, 0, 0, 0), new RootlessStorage.Owned("de-usuario.txt", 1000, 1000, 1000, 1000, -1, -1));
        assertThat(list(RootlessStorage.judgeOwners(new RootlessStorage.Owners(root, map, map, ME), Optional.empty())).toString())
                .contains("✗ tmpfile.txt: escrito por 0:0 dentro; en el disco tiene que ser de 1001:1001").contains("✗ de-usuario.txt: dentro de podman unshare");
    }

    @Test
    void imageOwnersAreTranslatedAndMergedIsEmptyFromTheHost() throws IOException {
        IdMap map = uidMap();
        var busybox = new Location("/bin/busybox", "/bin/busybox", Location.State.PRESENT, "img", 1, "/s/overlay/img/diff/bin/busybox", "file", 1, (int) ME, (int) ME);
        var merged = List.of(new RootlessStorage.Entry("bin", 0, 0, ME, ME), new RootlessStorage.Entry("tmp", 0, 0, ME, ME));
        Checklist right = list(RootlessStorage.judgeImageOwners(new RootlessStorage.ImageOwners(busybox, 0, merged, 0, map, map, ME), Optional.empty()));
        assertThat(right.passed()).as(right.toString()).isTrue();
        var wrong = List.of(new RootlessStorage.Entry("bin", 0, 0, 100000, 100000));
        assertThat(list(RootlessStorage.judgeImageOwners(new RootlessStorage.ImageOwners(busybox, 5, wrong, 3, map, map, ME), Optional.empty())).toString())
                .contains("✗ su dueño en el disco").contains("✗ cada una de las 1 entradas").contains("no cuadran: bin").contains("✗ desde el anfitrión, merged está vacío");
    }

    @Test
    void theBusyboxOwnerPredictionAcceptsTheUidOrMine() throws IOException {
        IdMap map = uidMap();
        var busybox = new Location("/bin/busybox", "/bin/busybox", Location.State.PRESENT, "img", 1, "/s/overlay/img/diff/bin/busybox", "file", 1, (int) ME, (int) ME);
        var f = new RootlessStorage.ImageOwners(busybox, 0, List.of(new RootlessStorage.Entry("bin", 0, 0, ME, ME)), 0, map, map, ME);
        Checklist right = list(RootlessStorage.judgeImageOwners(f, Optional.of("el mío")));
        assertThat(right.passed()).isTrue();
        assertThat(right.toString()).contains("✓ Tu predicción para «¿de qué uid será /bin/busybox en el disco, visto desde el anfitrión?»: «el mío»\n"
                + "    En tu máquina: el 1001 (tú)");
        assertThat(list(RootlessStorage.judgeImageOwners(f, Optional.of("1001"))).toString()).contains("✓ Tu predicción para «¿de qué uid será /bin/busybox");
        Checklist wrong = list(RootlessStorage.judgeImageOwners(f, Optional.of("0, el de root")));
        assertThat(wrong.passed()).isTrue();
        assertThat(wrong.toString()).contains("~ Tu predicción para «¿de qué uid será /bin/busybox").contains("«0, el de root»");
        Checklist none = list(RootlessStorage.judgeImageOwners(f, Optional.empty()));
        assertThat(none.passed()).isTrue();
        assertThat(none.toString()).contains("~ No has anotado ninguna predicción para «¿de qué uid será /bin/busybox");
    }

    private static RootlessStorage.SameStore sameStore(List<String> missingPieces, List<String> options, List<String> imageMissing) {
        return new RootlessStorage.SameStore("/home/alumno/.local/share/containers/storage", "830b877308ec0000", missingPieces, options,
                List.of("i1", "i2", "i3"), imageMissing);
    }

    @Test
    void theStoreHasItsOwnCopyOfTheImageAndThePredictionSaysItSharesNothing() throws IOException {
        OverlayMount captured = MountInfo.overlays(FIXTURE.resolve("mountinfo")).get(0);
        var own = sameStore(List.of(), captured.options(), List.of());
        Checklist right = list(RootlessStorage.judgeSameStore(own, Optional.of("no, tiene su copia")));
        assertThat(right.passed()).as(right.toString()).isTrue();
        assertThat(right.toString()).contains("✓ las 3 capas de la imagen del curso tienen su propio diff en tu almacén, /home/alumno/.local/share/containers/storage")
                .contains("✓ Tu predicción para «¿usa tu almacén rootless las capas de la imagen del curso del almacén rootful?»: «no, tiene su copia»\n"
                        + "    En tu máquina: no: tu almacén tiene su propia copia, en /home/alumno/.local/share/containers/storage/overlay");
        Checklist wrong = list(RootlessStorage.judgeSameStore(own, Optional.of("Sí")));
        assertThat(wrong.passed()).isTrue();
        assertThat(wrong.toString()).contains("~ Tu predicción para «¿usa tu almacén rootless");
        Checklist none = list(RootlessStorage.judgeSameStore(own, Optional.empty()));
        assertThat(none.passed()).isTrue();
        assertThat(none.toString()).contains("~ No has anotado ninguna predicción para «¿usa tu almacén rootless");

        Checklist borrowed = list(RootlessStorage.judgeSameStore(sameStore(List.of(), captured.options(), List.of("i2")), Optional.of("sí")));
        assertThat(borrowed.toString()).contains("✗ las 3 capas de la imagen del curso").contains("faltan: i2").contains("✓ Tu predicción para «¿usa tu almacén rootless");
    }

    @Test
    void theRootlessMountNeedsUserxattrAndThePieces() throws IOException {
        OverlayMount captured = MountInfo.overlays(FIXTURE.resolve("mountinfo")).get(0);
        var f = sameStore(List.of(), captured.options(), List.of());
        Checklist right = list(RootlessStorage.judgeSameStore(f, Optional.empty()));
        assertThat(right.passed()).as(right.toString()).isTrue();
        // fuse-overlayfs mounts without userxattr: the claim, as the lesson states it for the kernel's overlay, fails.
        var fuse = sameStore(List.of("work"), List.of("rw", "nodev"), List.of());
        assertThat(list(RootlessStorage.judgeSameStore(fuse, Optional.empty())).toString()).contains("✗ overlay/830b877308ec…/ tiene diff").contains("faltan: work")
                .contains("✗ el overlay rootless se monta con userxattr");
    }

    @Test
    void cleanupAndRunningFailWhenSomethingIsLeft() {
        assertThat(list(RootlessStorage.judgeCleanup(new RootlessStorage.Cleanup(List.of(), List.of(), List.of(), List.of(), "a".repeat(64)))).passed()).isTrue();
        assertThat(list(RootlessStorage.judgeCleanup(new RootlessStorage.Cleanup(List.of("contenedor1"), List.of(), List.of("/l"), List.of("/l/merged"), "")))
                .toString()).contains("✗ contenedor1 y contenedor2 ya no existen").contains("✗ sus capas").contains("✗ ningún overlay").contains("✗ la imagen");
        var running = List.of(new RootlessStorage.Running("contenedor1", "04", true, true), new RootlessStorage.Running("contenedor2", "03", false, false));
        assertThat(list(RootlessStorage.judgeRunning(running)).toString()).contains("✓ contenedor1 está en marcha").contains("✗ contenedor2 está en marcha")
                .contains("✗ contenedor2 está en el índice");
    }

    @Test
    void predictionsAreReadLoosely() {
        assertThat(Predictions.yesNo("Sí, claro")).contains(true);
        assertThat(Predictions.yesNo("NO")).contains(false);
        assertThat(Predictions.yesNo("tu respuesta aquí")).isEmpty();
        assertThat(RootlessStorage.predictsUid("el 1001", 1001, 1001)).isTrue();
        assertThat(RootlessStorage.predictsUid("el mío", 1001, 1001)).isTrue();
        assertThat(RootlessStorage.predictsUid("el mío", 100999, 1001)).isFalse();
    }

    @Test
    void everyCheckHasATitle() {
        var lesson = new RootlessStorage();
        assertThat(lesson.checks().keySet()).allSatisfy(k -> assertThat(lesson.title(k)).startsWith("Comprueba: "));
        assertThat(capas.leccion.LessonCatalog.get("04")).isInstanceOf(RootlessStorage.class);
    }
}
