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
        Checklist right = list(ContainerStorage.judgeRecord(record(s, null), Optional.empty()));
        assertThat(right.passed()).as(right.toString()).isTrue();
        assertThat(right.toString()).contains("✓ el campo layer es una capa del almacén cuya capa padre es la de arriba de la imagen");

        // The container's layer on top of the image's second layer instead of its top one.
        String bottom = s.layer(s.image(IMAGE).topLayer()).parent();
        Checklist wrong = list(ContainerStorage.judgeRecord(record(s, bottom), Optional.empty()));
        assertThat(wrong.passed()).isFalse();
        assertThat(wrong.toString()).contains("✗ el campo layer").contains(bottom.substring(0, 12));
    }

    @Test
    void selinuxLabelsMustMatchWhetherSelinuxIsOn() {
        var f = new ContainerStorage.Record(List.of("contenedor1"), IMAGE, "i", "i", "l", "t", "t", "/d", "/d", true, "", "");
        assertThat(list(ContainerStorage.judgeRecord(f, Optional.empty())).toString()).contains("✗ flags lleva las etiquetas de SELinux");
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
        Checklist right = list(ContainerStorage.judgeMount(seen, Optional.empty()));
        assertThat(right.passed()).as(right.toString()).isTrue();
        assertThat(right.toString()).contains("✓ lowerdir son las 3 capas de la imagen");

        var hidden = new ContainerStorage.MountFacts(view, s.container(FIXTURE).layer(), view.upperDir(), imageLayers, false, "mnt:[1]", "mnt:[1]");
        assertThat(list(ContainerStorage.judgeMount(hidden, Optional.empty())).toString()).contains("✗ el contenedor tiene su propio espacio de nombres de montaje")
                .contains("✗ y aun así su overlay está en la tabla de montajes del anfitrión");
    }

    @Test
    void sharedLayersNeedTheSameLowerAndDifferentUppers() {
        var a = new OverlayMount("/m1", List.of("l/A"), "/u1", "/w1", List.of(), OverlayMount.KERNEL);
        var b = new OverlayMount("/m2", List.of("l/A"), "/u2", "/w2", List.of(), OverlayMount.KERNEL);
        var c = new OverlayMount("/m2", List.of("l/B"), "/u1", "/w2", List.of(), OverlayMount.KERNEL);
        assertThat(list(ContainerStorage.judgeShared(new ContainerStorage.Shared(a, b, true, List.of("x"), List.of()), Optional.empty())).passed()).isTrue();
        assertThat(list(ContainerStorage.judgeShared(new ContainerStorage.Shared(a, c, true, List.of("x"), List.of("x")), Optional.empty())).toString())
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
                new ContainerSize(21_000_000, 9_000_000), Optional.empty(), Optional.empty())).passed()).isTrue();
        // Podman 5: the virtual size counts the container's layer too.
        assertThat(list(ContainerStorage.judgeGrowth(new ContainerSize(4096, 9_004_096), new ContainerSize(21_000_000, 30_000_000), Optional.empty(), Optional.empty())).passed()).isTrue();
        Checklist grewTooLittle = list(ContainerStorage.judgeGrowth(new ContainerSize(4096, 9_000_000), new ContainerSize(5_000_000, 9_000_000), Optional.empty(), Optional.empty()));
        assertThat(grewTooLittle.toString()).contains("✗ la capa del contenedor ha crecido al menos 20 MB");
        Checklist imageGrew = list(ContainerStorage.judgeGrowth(new ContainerSize(4096, 9_000_000), new ContainerSize(21_000_000, 60_000_000), Optional.empty(), Optional.empty()));
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
                Map.of("capas.lab", "true", "capas.leccion", "03"), 1);
        assertThat(list(ContainerStorage.judgeCreated(ok, Optional.empty())).passed()).isTrue();
        var bad = new ContainerStorage.Created("/var/lib/containers/storage", "c".repeat(64), IMAGE, "i1", "i2", false, Map.of(), 1);
        assertThat(list(ContainerStorage.judgeCreated(bad, Optional.empty())).toString()).contains("✗ contenedor1 está en marcha").contains("✗ se creó a partir de")
                .contains("✗ lleva las etiquetas");
    }

    @Test
    void theOwnLayersPredictionCountsInDigitsOrWords() {
        var f = new ContainerStorage.Created("/var/lib/containers/storage", "c".repeat(64), IMAGE, "i1", "i1", true,
                Map.of("capas.lab", "true", "capas.leccion", "03"), 1);
        Checklist right = list(ContainerStorage.judgeCreated(f, Optional.of("Una")));
        assertThat(right.passed()).isTrue();
        assertThat(right.toString()).contains("✓ Tu predicción para «¿cuántas capas propias tendrá contenedor1, además de las de la imagen?»: «Una»\n"
                + "    En tu máquina: capas propias: 1, la del contenedor, encima de las de la imagen");
        assertThat(list(ContainerStorage.judgeCreated(f, Optional.of("1 capa"))).toString()).contains("✓ Tu predicción");
        Checklist wrong = list(ContainerStorage.judgeCreated(f, Optional.of("ninguna")));
        assertThat(wrong.passed()).isTrue();
        assertThat(wrong.toString()).contains("~ Tu predicción para «¿cuántas capas propias").contains("«ninguna»");
        assertThat(list(ContainerStorage.judgeCreated(f, Optional.of("3"))).toString()).contains("~ Tu predicción para «¿cuántas capas propias");
        Checklist none = list(ContainerStorage.judgeCreated(f, Optional.of("tu respuesta aquí")));
        assertThat(none.passed()).isTrue();
        assertThat(none.toString()).contains("~ No has anotado ninguna predicción para «¿cuántas capas propias");
    }

    @Test
    void theImageFieldPredictionIsRightWhenItSaysTheSameId() throws IOException {
        Store s = store("rootful");
        var f = record(s, null);
        Checklist right = list(ContainerStorage.judgeRecord(f, Optional.of("sí")));
        assertThat(right.passed()).as(right.toString()).isTrue();
        assertThat(right.toString()).contains("✓ Tu predicción para «¿será el campo image el identificador que da podman image inspect?»: «sí»\n"
                + "    En tu máquina: sí, el mismo: " + f.imageId().substring(0, 12));
        Checklist wrong = list(ContainerStorage.judgeRecord(f, Optional.of("no, otro")));
        assertThat(wrong.passed()).isTrue();
        assertThat(wrong.toString()).contains("~ Tu predicción para «¿será el campo image");
        assertThat(list(ContainerStorage.judgeRecord(f, Optional.empty())).toString()).contains("~ No has anotado ninguna predicción para «¿será el campo image");
    }

    @Test
    void theOnHostPredictionFollowsWhetherTheHostSeesTheOverlay() throws IOException {
        Store s = store("rootful");
        MountView view = mountOf(s);
        List<String> imageLayers = view.lowerLayerIds();
        var seen = new ContainerStorage.MountFacts(view, s.container(FIXTURE).layer(), view.upperDir(), imageLayers, true, "mnt:[1]", "mnt:[2]");
        Checklist right = list(ContainerStorage.judgeMount(seen, Optional.of("Sí")));
        assertThat(right.passed()).as(right.toString()).isTrue();
        assertThat(right.toString()).contains("✓ Tu predicción para «¿estará el overlay de contenedor1 en la tabla de montajes del anfitrión, aunque el contenedor tenga la suya?»: «Sí»\n"
                + "    En tu máquina: sí, está");
        Checklist wrong = list(ContainerStorage.judgeMount(seen, Optional.of("no")));
        assertThat(wrong.passed()).isTrue();
        assertThat(wrong.toString()).contains("~ Tu predicción para «¿estará el overlay");
        var hidden = new ContainerStorage.MountFacts(view, s.container(FIXTURE).layer(), view.upperDir(), imageLayers, false, "mnt:[1]", "mnt:[2]");
        assertThat(list(ContainerStorage.judgeMount(hidden, Optional.of("no"))).toString()).contains("✓ Tu predicción para «¿estará el overlay")
                .contains("En tu máquina: no está");
        assertThat(list(ContainerStorage.judgeMount(seen, Optional.empty())).toString()).contains("~ No has anotado ninguna predicción para «¿estará el overlay");
    }

    @Test
    void theSameLowerdirPredictionIsJudged() {
        var a = new OverlayMount("/m1", List.of("l/A"), "/u1", "/w1", List.of(), OverlayMount.KERNEL);
        var b = new OverlayMount("/m2", List.of("l/A"), "/u2", "/w2", List.of(), OverlayMount.KERNEL);
        var f = new ContainerStorage.Shared(a, b, true, List.of("x"), List.of());
        Checklist right = list(ContainerStorage.judgeShared(f, Optional.of("si")));
        assertThat(right.passed()).isTrue();
        assertThat(right.toString()).contains("✓ Tu predicción para «¿tendrá contenedor2 la misma lowerdir que contenedor1?»: «si»\n    En tu máquina: sí, la misma");
        Checklist wrong = list(ContainerStorage.judgeShared(f, Optional.of("No: cada uno la suya")));
        assertThat(wrong.passed()).isTrue();
        assertThat(wrong.toString()).contains("~ Tu predicción para «¿tendrá contenedor2 la misma lowerdir");
        assertThat(list(ContainerStorage.judgeShared(f, Optional.empty())).toString()).contains("~ No has anotado ninguna predicción para «¿tendrá contenedor2");
    }

    @Test
    void theGrowthPredictionsTakeTwentyMegabytesAndAnImageThatStays() {
        var before = new ContainerSize(4096, 9_000_000);
        var after = new ContainerSize(20_975_616, 9_000_000);   // 20 MiB written: 21 MB
        Checklist right = list(ContainerStorage.judgeGrowth(before, after, Optional.of("20 MB"), Optional.of("no")));
        assertThat(right.passed()).as(right.toString()).isTrue();
        assertThat(right.toString()).contains("✓ Tu predicción para «¿cuántos MB crecerá la capa del contenedor al escribir 20 MB?»: «20 MB»\n    En tu máquina: 21 MB")
                .contains("✓ Tu predicción para «¿cambiará la parte de la imagen?»: «no»\n    En tu máquina: no, se queda igual");
        assertThat(list(ContainerStorage.judgeGrowth(before, after, Optional.of("21"), Optional.empty())).toString())
                .contains("✓ Tu predicción para «¿cuántos MB");
        Checklist wrong = list(ContainerStorage.judgeGrowth(before, after, Optional.of("nada, 0"), Optional.of("sí, crece 20 MB")));
        assertThat(wrong.passed()).isTrue();
        assertThat(wrong.toString()).contains("~ Tu predicción para «¿cuántos MB").contains("~ Tu predicción para «¿cambiará la parte de la imagen?»");
        Checklist none = list(ContainerStorage.judgeGrowth(before, after, Optional.empty(), Optional.of("tu respuesta aquí")));
        assertThat(none.passed()).isTrue();
        assertThat(none.toString()).contains("~ No has anotado ninguna predicción para «¿cuántos MB")
                .contains("~ No has anotado ninguna predicción para «¿cambiará la parte de la imagen?»");
        Checklist imageGrew = list(ContainerStorage.judgeGrowth(before, new ContainerSize(20_975_616, 60_000_000), Optional.empty(), Optional.of("sí")));
        assertThat(imageGrew.toString()).contains("✓ Tu predicción para «¿cambiará la parte de la imagen?»: «sí»\n    En tu máquina: sí, ha cambiado");
    }

    @Test
    void everyCheckHasATitle() {
        var lesson = new ContainerStorage();
        assertThat(lesson.checks().keySet()).allSatisfy(k -> assertThat(lesson.title(k)).startsWith("Comprueba: "));
        assertThat(capas.leccion.LessonCatalog.get("03")).isInstanceOf(ContainerStorage.class);
    }
}
