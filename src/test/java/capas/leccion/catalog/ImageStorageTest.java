package capas.leccion.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import capas.Mode;
import capas.leccion.Checked;
import capas.leccion.Checklist;
import capas.store.FixtureStore;
import capas.store.Image;
import capas.store.Layer;
import capas.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lesson 02's judges on facts from a store captured from a real podman run (the course image, three
 * layers) and on hand-made records: what the notebook leaves passes, each wrong fact fails its claim.
 */
class ImageStorageTest {
    @TempDir
    Path dir;
    private Store store;
    private Image course;
    private List<Layer> layers;

    @BeforeEach
    void readTheCapturedStore() throws Exception {
        store = Store.read(Mode.ROOTFUL, FixtureStore.lay("rootful", dir));
        course = store.image("localhost/curso/httpd:latest");
        layers = store.imageLayers(course);
    }

    private static boolean passed(List<Checked> items) {
        return new Checklist("t", items).passed();
    }

    private static Optional<Checked> prediction(List<Checked> items) {
        return items.stream().filter(i -> i.kind() == Checked.Kind.PREDICTION).findFirst();
    }

    private Layer added() {
        return new Layer("4".repeat(64), course.topLayer(), List.of(), null, "sha256:" + "5".repeat(64), 1536, "sha256:" + "5".repeat(64), 1536);
    }

    private List<Layer> v2() {
        List<Layer> v2 = new ArrayList<>(layers);
        v2.add(added());
        return v2;
    }

    private List<String> courseIds() {
        return layers.stream().map(Layer::id).toList();
    }

    @Test
    void theChainOfTheCapturedImageFollowsParentDownToTheBottom() {
        List<String> manifest = layers.stream().map(Layer::compressedDigest).toList();
        var facts = new ImageStorage.Chain(layers, manifest, Set.copyOf(courseIds()));
        List<Checked> items = ImageStorage.judgeChain(facts, Optional.of("la de abajo"));
        assertThat(passed(items)).isTrue();
        assertThat(new Checklist("t", items).toString()).contains("hay 3 capas, siguiendo parent", "20ff953eea7a (abajo)");
        assertThat(prediction(items).orElseThrow().holds()).isTrue();
    }

    @Test
    void aManifestInAnotherOrderOrAMissingTarSplitFails() {
        List<String> reversed = new ArrayList<>(layers.stream().map(Layer::compressedDigest).toList());
        java.util.Collections.reverse(reversed);
        List<Checked> items = ImageStorage.judgeChain(new ImageStorage.Chain(layers, reversed, Set.of(layers.get(0).id())), Optional.of("arriba"));
        assertThat(new Checklist("t", items).toString()).contains("✗ su compressed-diff-digest", "✗ cada capa tiene su <id>.tar-split.gz");
        assertThat(prediction(items).orElseThrow().holds()).isFalse();
        assertThat(passed(items)).isFalse();
    }

    @Test
    void theManifestNamesTheConfigAndItsSumIsTheIndexDigest() {
        String manifest = "{\"config\":{\"digest\":\"sha256:" + course.id() + "\"}}";
        String sum = ImageStorage.sha256(manifest);
        var facts = new ImageStorage.Manifest(course.id(), sum, sum, "sha256:" + course.id(), Map.of("sha256:" + course.id(), "sha256:" + course.id()),
                layers.stream().map(Layer::compressedDigest).toList(), layers, course.topLayer());
        assertThat(passed(ImageStorage.judgeManifest(facts, Optional.of("3")))).isTrue();
        assertThat(prediction(ImageStorage.judgeManifest(facts, Optional.of("2 capas"))).orElseThrow().holds()).isFalse();
        var tampered = new ImageStorage.Manifest(course.id(), "sha256:" + "0".repeat(64), sum, "sha256:" + course.id(),
                Map.of(), List.of("sha256:x"), layers, layers.get(0).id());
        assertThat(new Checklist("t", ImageStorage.judgeManifest(tampered, Optional.empty())).toString())
                .contains("✗ el fichero con ese nombre", "✗ el digest de images.json", "✗ el campo layer", "✗ el manifiesto lista 1 capas");
    }

    @Test
    void eachLowerIsTheParentsShortNameThenTheParentsLower() {
        String a = "A".repeat(26), b = "B".repeat(26), c = "C".repeat(26);
        String root = "/var/lib/containers/storage";
        var bottom = new ImageStorage.LayerDir(layers.get(0).id(), Set.of("diff", "link", "merged", "work", "empty"), a, null, List.of());
        var middle = new ImageStorage.LayerDir(layers.get(1).id(), Set.of("diff", "link", "merged", "work", "lower"), b, "l/" + a, List.of());
        var top = new ImageStorage.LayerDir(layers.get(2).id(), Set.of("diff", "link", "merged", "work", "lower"), c, "l/" + b + ":l/" + a, List.of());
        Map<String, String> links = Map.of(a, "../" + bottom.id() + "/diff", b, "../" + middle.id() + "/diff", c, "../" + top.id() + "/diff");
        List<Checked> items = ImageStorage.judgeOverlay(new ImageStorage.Overlay(List.of(bottom, middle, top), links, root), Optional.of("2"));
        assertThat(passed(items)).isTrue();
        assertThat(new Checklist("t", items).toString()).contains("86 con nombres cortos");
        assertThat(prediction(items).orElseThrow().holds()).isTrue();

        var swapped = new ImageStorage.LayerDir(top.id(), top.names(), c, "l/" + a + ":l/" + b, List.of("work"));
        List<Checked> wrong = ImageStorage.judgeOverlay(new ImageStorage.Overlay(List.of(bottom, middle, swapped), Map.of(), root), Optional.of("3"));
        assertThat(new Checklist("t", wrong).toString()).contains("✗ el lower de cada capa", "✗ cada l/<nombre corto>", "✗ merged, work y empty están vacíos");
    }

    @Test
    void theSecondVersionSharesTheCourseLayersAndItsIntermediatesTheNewOne() {
        Layer added = added();
        List<String> folders = new ArrayList<>(courseIds());
        folders.add(added.id());
        folders.add("l");
        var facts = new ImageStorage.Shared(courseIds(), v2(), folders, ImageStorage.VERSION_TEXT, Map.of("9".repeat(64), added.id()));
        List<Checked> items = ImageStorage.judgeShared(facts, Optional.of("1"));
        assertThat(passed(items)).isTrue();
        assertThat(prediction(items).orElseThrow().holds()).isTrue();

        // A store that copied a shared layer twice, and no intermediate image: both fail.
        List<Layer> copied = new ArrayList<>(List.of(new Layer("7".repeat(64), null, List.of(), null, null, 0, null, 0)));
        copied.addAll(v2().subList(1, 4));
        var wrong = new ImageStorage.Shared(courseIds(), copied, folders, null, Map.of());
        assertThat(new Checklist("t", ImageStorage.judgeShared(wrong, Optional.of("4"))).toString())
                .contains("✗ las 3 capas de abajo", "✗ version.txt", "✗ las 0 imágenes intermedias");
    }

    @Test
    void pullSkipsTheLayersAlreadyThere() {
        String log = """
                Copying blob b2c035907b09 skipped: already exists \s
                Copying blob 58f19bc6b800 skipped: already exists \s
                Copying blob 9666ec4fbc75 skipped: already exists \s
                Copying blob 9c2f3aba3903 done \s
                Copying config ddb13b6622 done \s
                ddb13b6622e020a3a5f4b92fc6af6a8d60693cb1d0a362cda7995ce650f79b79
                """;
        var facts = new ImageStorage.Pull(log, true, "02", courseIds(), v2(), List.of());
        List<Checked> items = ImageStorage.judgePull(facts, Optional.of("una, la nueva: 1"));
        assertThat(passed(items)).isTrue();
        assertThat(new Checklist("t", items).toString()).contains("✓ pull ha saltado las 3 capas", "b2c035907b09 58f19bc6b800 9666ec4fbc75");
        assertThat(prediction(items).orElseThrow().holds()).isTrue();

        // Podman 5 draws no progress bars inside script: its debug log alone says what it skipped.
        String podman5 = """
                Skipping blob sha256:b2c035907b09
                Skipping blob sha256:58f19bc6b800
                Skipping blob sha256:9666ec4fbc75
                ddb13b6622e020a3a5f4b92fc6af6a8d60693cb1d0a362cda7995ce650f79b79
                """;
        assertThat(passed(ImageStorage.judgePull(new ImageStorage.Pull(podman5, true, "02", courseIds(), v2(), List.of()), Optional.empty())))
                .isTrue();
        assertThat(ImageStorage.skippedBlobs(log + "Skipping blob sha256:b2c035907b09\n")).hasSize(3);

        String everythingCopied = log.replace("skipped: already exists", "done");
        List<Checked> wrong = ImageStorage.judgePull(new ImageStorage.Pull(everythingCopied, true, "02", courseIds(), v2(), List.of()), Optional.of("4"));
        assertThat(new Checklist("t", wrong).toString()).contains("✗ pull ha saltado", "✗ pull sólo ha copiado una capa");
        assertThat(prediction(wrong).orElseThrow().holds()).isTrue();
        assertThat(passed(ImageStorage.judgePull(new ImageStorage.Pull(null, false, "", courseIds(), List.of(), List.of()), Optional.empty()))).isFalse();
    }

    @Test
    void theDiskHoldsTheDistinctLayersOnce() {
        var facts = new ImageStorage.Space(layers, v2());
        long course = layers.stream().mapToLong(Layer::diffSize).sum();
        assertThat(ImageStorage.sums(facts)).isEqualTo(new ImageStorage.Sums(2 * course + 1536, course + 1536, course));
        List<Checked> items = ImageStorage.judgeSpace(facts, Optional.of("no, mucho menos"));
        assertThat(passed(items)).isTrue();
        assertThat(prediction(items).orElseThrow().holds()).isTrue();
        // Two images with nothing in common: no saving, and the claim says so.
        var apart = new ImageStorage.Space(layers, List.of(added()));
        assertThat(passed(ImageStorage.judgeSpace(apart, Optional.of("sí")))).isFalse();
    }

    @Test
    void busyboxComesFromASharedLayer() {
        String top = added().id();
        var right = new ImageStorage.Explore(top, layers.get(0).id(), top, courseIds(), true);
        List<Checked> items = ImageStorage.judgeExplore(right, Optional.of("de una compartida"));
        assertThat(passed(items)).isTrue();
        assertThat(prediction(items).orElseThrow().holds()).isTrue();
        assertThat(passed(ImageStorage.judgeExplore(new ImageStorage.Explore(layers.get(0).id(), top, top, courseIds(), false), Optional.of("nueva")))).isFalse();
    }

    @Test
    void crc64IsGosIsoTableAsTarSplitKeepsIt() {
        // The check value of CRC-64/GO-ISO.
        assertThat(ImageStorage.crc64("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0xB90956C775A41001L);
        assertThat(ImageStorage.crc64Payload(new byte[0])).isEqualTo("AAAAAAAAAAA=");
    }

    @Test
    void aFileWhoseContentChangedFailsTheTarSplitCheck() {
        byte[] page = "<h1>Capas</h1>\n".getBytes(StandardCharsets.UTF_8);
        String payload = ImageStorage.crc64Payload(page);
        var right = new ImageStorage.TarSplit(course.topLayer(), List.of(new ImageStorage.TarEntry("var/www/index.html", page.length, payload, true, page.length, payload)));
        assertThat(passed(ImageStorage.judgeTarSplit(right))).isTrue();
        String changed = ImageStorage.crc64Payload("<h1>Otra</h1>\n".getBytes(StandardCharsets.UTF_8));
        var wrong = new ImageStorage.TarSplit(course.topLayer(), List.of(new ImageStorage.TarEntry("var/www/index.html", page.length, payload, true, 14, changed)));
        assertThat(new Checklist("t", ImageStorage.judgeTarSplit(wrong)).toString()).contains("✗ los ficheros con contenido (1)", "✗ el CRC-64");
    }

    @Test
    void cleanUpLeavesTheCourseLayersAndNothingOfTheLesson() {
        assertThat(passed(ImageStorage.judgeCleanUp(new ImageStorage.CleanUp(false, added().id(), false, List.of(), false, List.of())))).isTrue();
        String left = new ImageStorage.CleanUp(true, added().id(), true, List.of(layers.get(0).id()), true, List.of("9".repeat(64))).toString();
        assertThat(left).isNotEmpty();
        List<Checked> wrong = ImageStorage.judgeCleanUp(new ImageStorage.CleanUp(true, added().id(), true, List.of(layers.get(0).id()), true,
                List.of("9".repeat(64))));
        assertThat(wrong.stream().filter(c -> !c.holds()).collect(Collectors.toList())).hasSize(5);
    }

    @Test
    void theStoresMustUseOverlayAndTheirConfig() {
        var rootful = new ImageStorage.StoreInfo(Mode.ROOTFUL, "overlay", "/var/lib/containers/storage", "/usr/share/containers/storage.conf",
                "/var/lib/containers/storage", "/usr/share/containers/storage.conf", false);
        var vfs = new ImageStorage.StoreInfo(Mode.ROOTLESS, "vfs", "/home/a/.local/share/containers/storage", "/home/a/.config/containers/storage.conf",
                "/home/a/.local/share/containers/storage", "/home/a/.config/containers/storage.conf", true);
        List<Checked> items = ImageStorage.judgeStores(new ImageStorage.Stores(List.of(rootful, vfs), "/run/containers/storage", true,
                "/var/lib/containers/storage"));
        assertThat(new Checklist("t", items).toString()).contains("✓ rootful: driver overlay", "(no existe: valores de fábrica)",
                "✗ rootless: driver overlay", "graphDriverName vfs");
    }

    @Test
    void predictionsAreReadByTheirWords() {
        assertThat(Predictions.normalize("  Sí, LOWER1 ")).isEqualTo("si, lower1");
        assertThat(Predictions.given(Optional.of("Tu respuesta aquí"))).isEmpty();
        assertThat(Predictions.saysNumber("creo que 3", 3)).isTrue();
        assertThat(Predictions.saysNumber("tres", 3)).isFalse();
    }
}
