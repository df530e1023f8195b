package capas.leccion.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import capas.Mode;
import capas.lab.MountView;
import capas.leccion.Checked;
import capas.leccion.Checklist;
import capas.podman.ContainerSize;
import capas.render.Highlight;
import capas.render.LayerBox;
import capas.render.StackDiagram;
import capas.store.Container;
import capas.store.FixtureStore;
import capas.store.Image;
import capas.store.Location;
import capas.store.MountInfo;
import capas.store.OverlayMount;
import capas.store.Store;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lesson 03's judgements, on stores captured from podman 4 and 5 and on hand-made facts: each holds, and each fails when its claim is false. */
class ContainerStorageTest {
    private static final String IMAGE = "localhost/curso/httpd:latest";
    private static final String FIXTURE = "capas-fixture";

    @TempDir
    Path dir;

    private Store store(String mode) throws IOException {
        return Store.read(mode.startsWith("rootless") ? Mode.ROOTLESS : Mode.ROOTFUL, FixtureStore.lay(mode, dir.resolve(mode)));
    }

    private static Checklist list(List<Checked> items) {
        return new Checklist("t", items);
    }

    private static ContainerStorage.Record record(Store s, String parent) {
        Container c = s.container(FIXTURE);
        Image img = s.image(IMAGE);
        String diff = s.diffDir(c.layer()).toString();
        return new ContainerStorage.Record(List.of("contenedor1"), IMAGE, img.id(), c.imageId(), c.layer(), parent == null ? s.layer(c.layer()).parent() : parent,
                img.topLayer(), diff, diff, false, c.mountLabel(), c.processLabel());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rootful", "rootful-podman5"})
    void theRecordOfACapturedStoreHoldsAndAWrongParentFails(String mode) throws IOException {
        Store s = store(mode);
        Checklist right = list(ContainerStorage.judgeRecord(record(s, null)));
        assertThat(right.passed()).as(right.toString()).isTrue();
        assertThat(right.toString()).contains("✓ el campo layer es una capa del almacén cuya capa padre es la de arriba de la imagen");

        // The container's layer on top of the image's second layer instead of its top one.
        String bottom = s.layer(s.image(IMAGE).topLayer()).parent();
        Checklist wrong = list(ContainerStorage.judgeRecord(record(s, bottom)));
        assertThat(wrong.passed()).isFalse();
        assertThat(wrong.toString()).contains("✗ el campo layer").contains(bottom.substring(0, 12));
    }

    @Test
    void selinuxLabelsMustMatchWhetherSelinuxIsOn() {
        var f = new ContainerStorage.Record(List.of("contenedor1"), IMAGE, "i", "i", "l", "t", "t", "/d", "/d", true, "", "");
        assertThat(list(ContainerStorage.judgeRecord(f)).toString()).contains("✗ flags lleva las etiquetas de SELinux");
    }

    private static Location located(String layer, String hostPath) {
        return new Location("/tmp/tmpfile.txt", "/tmp/tmpfile.txt", Location.State.PRESENT, layer, 0, hostPath, "file", 15, 0, 0);
    }

    @Test
    void theFileIsInTheContainerLayerAndThePredictionIsJudgedButNeverFails() {
        String path = "/var/lib/containers/storage/overlay/abc/diff/tmp/tmpfile.txt";
        var f = new ContainerStorage.FileFacts(path, located("abc", path), "Ejemplo Podman");
        Checklist right = list(ContainerStorage.judgeFile(f, Optional.of("Contenedor")));
        assertThat(right.passed()).isTrue();
        assertThat(right.toString()).contains("✓ Tu predicción para «¿en qué capa estará tmpfile.txt?»");

        Checklist wrongGuess = list(ContainerStorage.judgeFile(f, Optional.of("imagen")));
        assertThat(wrongGuess.passed()).isTrue();
        assertThat(wrongGuess.toString()).contains("~ Tu predicción").contains("«imagen»\n    En tu máquina: está en la capa del contenedor");

        Checklist none = list(ContainerStorage.judgeFile(f, Optional.empty()));
        assertThat(none.passed()).isTrue();
        assertThat(none.toString()).contains("~ No has anotado ninguna predicción");
    }

    @Test
    void aFileServedByAnImageLayerFails() {
        var below = new Location("/tmp/tmpfile.txt", "/tmp/tmpfile.txt", Location.State.PRESENT, "img", 1, "/s/overlay/img/diff/tmp/tmpfile.txt", "file",
                15, 0, 0);
        Checklist list = list(ContainerStorage.judgeFile(new ContainerStorage.FileFacts("/s/overlay/abc/diff/tmp/tmpfile.txt", below, "otra cosa"), Optional.empty()));
        assertThat(list.passed()).isFalse();
        assertThat(list.toString()).contains("✗ /tmp/tmpfile.txt está en el directorio diff de la capa del contenedor\n    /s/overlay/img/diff")
                .contains("✗ y contiene «Ejemplo Podman»");
    }

    private static ContainerStorage.Userdata userdata(String runtime, String hosts) {
        String ud = "/var/lib/containers/storage/overlay-containers/cid/userdata";
        return new ContainerStorage.Userdata(ud, List.of("attach", "config.json", "ctl", "shm", "winsz"), "cid", "/s/overlay/l1/merged", "/s/overlay/l1/merged",
                Map.of("/dev/shm", ud + "/shm", "/etc/hostname", "/run/containers/storage/overlay-containers/cid/userdata/hostname", "/etc/hosts", hosts),
                runtime);
    }

    @Test
    void userdataHoldsForRuncAndCrunAndFailsForAnotherSource() {
        String runrootHosts = "/run/containers/storage/overlay-containers/cid/userdata/hosts";
        assertThat(list(ContainerStorage.judgeUserdata(userdata("runc", runrootHosts))).passed()).isTrue();
        assertThat(list(ContainerStorage.judgeUserdata(userdata("crun", runrootHosts))).toString()).contains("✓ el runtime").contains("crun");
        assertThat(list(ContainerStorage.judgeUserdata(userdata("kata", runrootHosts))).toString()).contains("✗ el runtime");
        assertThat(list(ContainerStorage.judgeUserdata(userdata("runc", "/etc/hosts"))).toString()).contains("✗ config.json: /etc/hosts sale del userdata");
    }

    private static MountView mountOf(Store s) throws IOException {
        Container c = s.container(FIXTURE);
        OverlayMount m = MountInfo.at(MountInfo.overlays(Path.of("src/test/resources/capas/store/rootful/mountinfo")), "/var/lib/containers/storage/overlay/" + c.layer() + "/merged").orElseThrow();
        return new MountView(m, m.lowerLayerIds(s), c.layer());
    }

    @Test
    void theCapturedRootfulMountHoldsWithItsOwnNamespaceAndAMountTheHostCannotSeeFails() throws IOException {
        Store s = store("rootful");
        MountView view = mountOf(s);
        List<String> imageLayers = new java.util.ArrayList<>();
        for (String id = s.image(IMAGE).topLayer(); id != null && !id.isEmpty(); id = s.layer(id).parent()) {
            imageLayers.add(id);   // top first, as Layers.imageLayerIds and lowerdir list them
        }
        var seen = new ContainerStorage.MountFacts(view, s.container(FIXTURE).layer(), view.upperDir(), imageLayers, true, "mnt:[1]", "mnt:[2]");
        Checklist right = list(ContainerStorage.judgeMount(seen));
        assertThat(right.passed()).as(right.toString()).isTrue();
        assertThat(right.toString()).contains("✓ lowerdir son las 3 capas de la imagen");

        var hidden = new ContainerStorage.MountFacts(view, s.container(FIXTURE).layer(), view.upperDir(), imageLayers, false, "mnt:[1]", "mnt:[1]");
        assertThat(list(ContainerStorage.judgeMount(hidden)).toString()).contains("✗ el contenedor tiene su propio espacio de nombres de montaje")
                .contains("✗ y aun así su overlay está en la tabla de montajes del anfitrión");
    }

    @Test
    void sharedLayersNeedTheSameLowerAndDifferentUppers() {
        var a = new OverlayMount("/m1", List.of("l/A"), "/u1", "/w1", List.of(), OverlayMount.KERNEL);
        var b = new OverlayMount("/m2", List.of("l/A"), "/u2", "/w2", List.of(), OverlayMount.KERNEL);
        var c = new OverlayMount("/m2", List.of("l/B"), "/u1", "/w2", List.of(), OverlayMount.KERNEL);
        assertThat(list(ContainerStorage.judgeShared(new ContainerStorage.Shared(a, b, true, List.of("x"), List.of()))).passed()).isTrue();
        assertThat(list(ContainerStorage.judgeShared(new ContainerStorage.Shared(a, c, true, List.of("x"), List.of("x")))).toString())
                .contains("✗ contenedor1 y contenedor2 tienen la misma lowerdir").contains("✗ cada uno tiene su propia upperdir")
                .contains("✗ las 1 capas de la imagen siguen en el disco");
    }

    @Test
    void theDiagramMustMarkTheFileInTheContainerLayer() {
        var boxes = List.of(new LayerBox("top", true, "T", "/d/top", "1 kB"), new LayerBox("i1", false, "I", "/d/i1", "1 MB"));
        var marked = new StackDiagram("contenedor1", IMAGE, boxes, "/m", true, "/w", new Highlight("/tmp/tmpfile.txt", "top", "/d/top/tmp/tmpfile.txt", false));
        assertThat(list(ContainerStorage.judgeDiagram(new ContainerStorage.Drawing(marked, "top", true, List.of("i1")))).passed()).isTrue();
        var inImage = new StackDiagram("contenedor1", IMAGE, boxes, "/m", true, "/w", new Highlight("/tmp/tmpfile.txt", "i1", "/d/i1/tmp/tmpfile.txt", false));
        assertThat(list(ContainerStorage.judgeDiagram(new ContainerStorage.Drawing(inImage, "top", true, List.of("i1")))).toString())
                .contains("✗ ★ /tmp/tmpfile.txt está marcado en ella");
    }

    @Test
    void theLayerGrowsOnPodman4AndOnPodman5AndAGrowingImageFails() {
        // Podman 4: the virtual size is the image alone.
        assertThat(list(ContainerStorage.judgeGrowth(new ContainerSize(4096, 9_000_000),
                new ContainerSize(21_000_000, 9_000_000))).passed()).isTrue();
        // Podman 5: the virtual size counts the container's layer too.
        assertThat(list(ContainerStorage.judgeGrowth(new ContainerSize(4096, 9_004_096), new ContainerSize(21_000_000, 30_000_000))).passed()).isTrue();
        Checklist grewTooLittle = list(ContainerStorage.judgeGrowth(new ContainerSize(4096, 9_000_000), new ContainerSize(5_000_000, 9_000_000)));
        assertThat(grewTooLittle.toString()).contains("✗ la capa del contenedor ha crecido al menos 20 MB");
        Checklist imageGrew = list(ContainerStorage.judgeGrowth(new ContainerSize(4096, 9_000_000), new ContainerSize(21_000_000, 60_000_000)));
        assertThat(imageGrew.toString()).contains("✗ la parte de la imagen no ha cambiado");
    }

    @Test
    void rmiMustBeRefusedAndThePredictionSaysNo() {
        var refused = new ContainerStorage.Rmi(IMAGE, "id1", true, "Podman se niega a borrar la imagen", "id1");
        Checklist right = list(ContainerStorage.judgeRmi(refused, Optional.of("No")));
        assertThat(right.passed()).isTrue();
        assertThat(right.toString()).contains("✓ Podman se niega a borrarla").contains("✓ Tu predicción para «¿podrá Podman borrar la imagen?»");
        assertThat(list(ContainerStorage.judgeRmi(refused, Optional.of("sí"))).toString()).contains("~ Tu predicción");

        Checklist removed = list(ContainerStorage.judgeRmi(new ContainerStorage.Rmi(IMAGE, "id1", true, null, ""), Optional.empty()));
        assertThat(removed.passed()).isFalse();
        assertThat(removed.toString()).contains("✗ Podman se niega a borrarla").contains("✗ la imagen sigue en el almacén");
        assertThat(list(ContainerStorage.judgeRmi(new ContainerStorage.Rmi(IMAGE, "id1", false, null, "id1"), Optional.empty())).toString())
                .contains("✗ contenedor1 usa " + IMAGE).contains("no se intenta borrarla");
    }

    @Test
    void aLayerLeftOnDiskFailsAndThePredictionIsJudged() {
        var gone = new ContainerStorage.Removed("/s/overlay/abc", false, false, false, IMAGE, "id1");
        Checklist right = list(ContainerStorage.judgeRemoved(gone, Optional.of("no")));
        assertThat(right.passed()).isTrue();
        assertThat(right.toString()).contains("✓ Tu predicción para «¿seguirá la capa");
        var kept = new ContainerStorage.Removed("/s/overlay/abc", true, true, false, IMAGE, "id1");
        Checklist wrong = list(ContainerStorage.judgeRemoved(kept, Optional.of("no")));
        assertThat(wrong.passed()).isFalse();
        assertThat(wrong.toString()).contains("✗ la capa del contenedor ya no está en el disco").contains("\n    /s/overlay/abc\n").contains("contenedor1 sigue en containers.json");
    }

    @Test
    void createdFailsWhenStoppedFromAnotherImageOrWithoutLabels() {
        var ok = new ContainerStorage.Created("/var/lib/containers/storage", "c".repeat(64), IMAGE, "i1", "i1", true,
                Map.of("capas.lab", "true", "capas.leccion", "03"));
        assertThat(list(ContainerStorage.judgeCreated(ok)).passed()).isTrue();
        var bad = new ContainerStorage.Created("/var/lib/containers/storage", "c".repeat(64), IMAGE, "i1", "i2", false, Map.of());
        assertThat(list(ContainerStorage.judgeCreated(bad)).toString()).contains("✗ contenedor1 está en marcha").contains("✗ se creó a partir de")
                .contains("✗ lleva las etiquetas");
    }

    @Test
    void everyCheckHasATitle() {
        var lesson = new ContainerStorage();
        assertThat(lesson.checks().keySet()).allSatisfy(k -> assertThat(lesson.title(k)).startsWith("Comprueba: "));
        assertThat(capas.leccion.LessonCatalog.get("03")).isInstanceOf(ContainerStorage.class);
    }
}
