package capas.leccion.catalog;

import capas.CapasException;
import capas.Env;
import capas.Labels;
import capas.Messages;
import capas.os.Mount;
import capas.Mode;
import capas.context.DirEntry;
import capas.leccion.Checked;
import capas.leccion.Leccion;
import capas.leccion.LessonCheck;
import capas.leccion.LessonDefinition;
import capas.lab.Capas;
import capas.os.CommandResult;
import capas.os.Commands;
import capas.os.Posix;
import capas.podman.Podman;
import capas.store.Image;
import capas.store.Layer;
import capas.store.OverlayLayout;
import capas.store.Store;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lesson 02, "Almacenamiento de imágenes": the course image in the rootful store, read file by
 * file (images.json, the manifest, layers.json, overlay/), a second version built on it that
 * shares its layers, the same version pulled back from an {@code oci-archive} (its shared blobs
 * skipped), and the disk it takes. Each check gathers the facts live into a record; a pure judge
 * turns them into claims.
 */
public final class ImageStorage implements LessonDefinition {
    static final String ID = "02";
    /** The second version the lesson builds. */
    public static final String V2 = Labels.LESSON_IMAGE_PREFIX + ID + "/httpd:v2";
    static final String DIR = "capas-02";
    /** Where the pull cell writes what {@code podman pull} printed. */
    static final String PULL_LOG = "pull.txt";
    static final String VERSION_TEXT = "versión 2\n";
    /**
     * A blob pull found already there. Podman 4 says so on its progress bars ({@code skipped: already
     * exists}); Podman 5 draws none inside {@code script}, but both write {@code Skipping blob} to
     * the debug log: either line counts, once per blob.
     */
    private static final Pattern SKIPPED = Pattern.compile("(?m)^(?:Skipping blob sha256:([0-9a-f]{12})|Copying blob ([0-9a-f]{12}) skipped: already exists)");
    private static final Messages M = Messages.forClass(ImageStorage.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Mode mode() {
        return Mode.ROOTFUL;
    }

    @Override
    public Map<String, LessonCheck> checks() {
        Map<String, LessonCheck> checks = new LinkedHashMap<>();
        checks.put("de-cero", (lesson, data) -> judgeFresh(fresh(lesson.lab())));
        checks.put("almacen", (lesson, data) -> judgeStores(stores(lesson.lab())));
        checks.put("manifiesto", (lesson, data) -> judgeManifest(manifest(lesson.lab()), lesson.prediction("cuantas-capas")));
        checks.put("cadena-de-capas", (lesson, data) -> judgeChain(chain(lesson.lab()), lesson.prediction("sin-parent")));
        checks.put("overlay", (lesson, data) -> judgeOverlay(overlay(lesson.lab()), lesson.prediction("nombres-en-lower")));
        checks.put("capas-compartidas", (lesson, data) -> judgeShared(shared(lesson.lab()), lesson.prediction("directorios-nuevos")));
        checks.put("espacio", (lesson, data) -> judgeSpace(space(lesson.lab()), lesson.prediction("el-doble")));
        checks.put("pull", (lesson, data) -> {
            Pull facts = pull(lesson.lab());
            facts.v2Layers().stream().reduce((a, b) -> b).ifPresent(top -> lesson.keep("capa-nueva", top.id()));
            return judgePull(facts, lesson.prediction("capas-copiadas"));
        });
        checks.put("explorar", (lesson, data) -> judgeExplore(explore(lesson.lab()), lesson.prediction("capa-de-busybox")));
        checks.put("tar-split", (lesson, data) -> judgeTarSplit(tarSplit(lesson.lab())));
        checks.put("limpieza", (lesson, data) -> judgeCleanUp(cleanUp(lesson.lab(), lesson.kept("capa-nueva", String.class))));
        return checks;
    }

    @Override
    public String title(String check) {
        return M.get("titulo." + check);
    }

    static Path dir() {
        return Env.home().resolve(DIR);
    }

    // ---- § 0

    /** @param courseId the course image's id, or {@code null} when it is not there */
    record Fresh(String image, String courseId, boolean v2Exists) {
    }

    static Fresh fresh(Capas lab) {
        Optional<Image> course = lab.store().findImage(Env.image());
        return new Fresh(Env.image(), course.map(Image::id).orElse(null), lab.store().findImage(V2).isPresent());
    }

    static List<Checked> judgeFresh(Fresh f) {
        return List.of(Checked.claim(f.courseId() != null, M.get("fresh.course", f.image()),
                        f.courseId() == null ? M.get("fresh.course.missing") : M.get("id", f.courseId())),
                Checked.claim(!f.v2Exists(), M.get("fresh.v2", V2), f.v2Exists() ? M.get("fresh.v2.exists") : ""));
    }

    // ---- § 1: where the store is

    /** What {@code podman info} says of one store, and the {@code storage.conf} the rules expect. */
    record StoreInfo(Mode mode, String driver, String graphRoot, String configFile, String expectedGraphRoot, String expectedConfig,
            boolean configExists) {
    }

    /** @param runIsTmpfs whether {@code /run} is a tmpfs on this machine (said, not judged) */
    record Stores(List<StoreInfo> stores, String runRoot, boolean runIsTmpfs, String libraryGraphRoot) {
    }

    static Stores stores(Capas lab) {
        List<StoreInfo> infos = new ArrayList<>();
        String runRoot = "";
        for (Mode mode : List.of(Mode.ROOTFUL, Mode.ROOTLESS)) {
            JsonNode store = readJson((mode == Mode.ROOTFUL ? lab.podman() : new Podman(Mode.ROOTLESS)).command("info", "--format", "json").out())
                    .path("store");
            Path conf = mode == Mode.ROOTFUL
                    ? (Files.exists(Path.of("/etc/containers/storage.conf")) ? Path.of("/etc/containers/storage.conf")
                            : Path.of("/usr/share/containers/storage.conf"))
                    : Env.home().resolve(".config/containers/storage.conf");
            infos.add(new StoreInfo(mode, store.path("graphDriverName").asText(), store.path("graphRoot").asText(),
                    store.path("configFile").asText(), Store.defaultGraphRoot(mode).toString(), conf.toString(), Files.exists(conf)));
            if (mode == Mode.ROOTFUL) {
                runRoot = store.path("runRoot").asText();
            }
        }
        boolean tmpfs = Mount.read(Mount.SELF).stream().anyMatch(m -> m.mountPoint().equals("/run") && m.fsType().equals("tmpfs"));
        return new Stores(infos, runRoot, tmpfs, lab.graphRoot().toString());
    }

    static List<Checked> judgeStores(Stores f) {
        List<Checked> out = new ArrayList<>();
        for (StoreInfo s : f.stores()) {
            String mode = s.mode() == Mode.ROOTFUL ? "rootful" : "rootless";
            out.add(Checked.claim(s.driver().equals("overlay") && s.graphRoot().equals(s.expectedGraphRoot()),
                    M.get("store.driver", mode, s.expectedGraphRoot()), M.get("store.driver.evidence", s.driver(), s.graphRoot())));
            out.add(Checked.claim(s.configFile().equals(s.expectedConfig()), M.get("store.config", mode, s.expectedConfig()),
                    s.configExists() ? s.configFile() : M.get("store.config.factory", s.configFile())));
        }
        out.add(Checked.claim(f.runRoot().startsWith("/run/") && f.stores().stream().noneMatch(s -> f.runRoot().startsWith(s.graphRoot())),
                M.get("store.runroot", f.runRoot()), M.get(f.runIsTmpfs() ? "store.run.tmpfs" : "store.run.disk")));
        String rootful = f.stores().stream().filter(s -> s.mode() == Mode.ROOTFUL).map(StoreInfo::graphRoot).findFirst().orElse("");
        out.add(Checked.claim(f.libraryGraphRoot().equals(rootful), M.get("store.library", rootful), f.libraryGraphRoot()));
        return out;
    }

    // ---- § 2: images.json and the manifest

    /**
     * @param manifestSha the sha256 of the manifest images.json names ({@code manifest-<digest>}, else {@code manifest})
     * @param keyed       the base64-named files of the image's folder: decoded name → sha256 of the file
     * @param layers      the image's layers in the store, bottom first
     */
    record Manifest(String imageId, String indexDigest, String manifestSha, String configDigest, Map<String, String> keyed,
            List<String> manifestLayers, List<Layer> layers, String topLayer) {
    }

    static Manifest manifest(Capas lab) {
        Store s = lab.store();
        Image img = s.image(Env.image());
        Path folder = s.layout().imagesDir().resolve(img.id());
        String text = lab.files().readFile(folder.resolve("manifest"));
        JsonNode manifest = readJson(text);
        Map<String, String> keyed = new TreeMap<>();
        // An image pulled again (from an archive, another registry) has one manifest-<digest> file per
        // manifest, and images.json names the latest: its digest is the sum of that one.
        String named = sha256(text);
        for (DirEntry e : lab.files().listDir(folder)) {
            if (e.name().startsWith("=")) {
                String key = new String(Base64.getDecoder().decode(e.name().substring(1)), StandardCharsets.UTF_8);
                // Only the configuration is checked: the others (manifest-…, signature-…) need no sum.
                keyed.put(key, key.startsWith("sha256:") ? sha256(lab.files().readFile(folder.resolve(e.name()))) : "");
                if (key.equals("manifest-" + img.digest())) {
                    named = sha256(lab.files().readFile(folder.resolve(e.name())));
                }
            }
        }
        List<String> digests = new ArrayList<>();
        manifest.path("layers").forEach(l -> digests.add(l.path("digest").asText()));
        return new Manifest(img.id(), img.digest(), named, manifest.path("config").path("digest").asText(), keyed, digests,
                s.imageLayers(img), img.topLayer());
    }

    static List<Checked> judgeManifest(Manifest f, Optional<String> prediction) {
        String configId = "sha256:" + f.imageId();
        String configSum = f.keyed().getOrDefault(f.configDigest(), "");
        Layer top = f.layers().isEmpty() ? null : f.layers().get(f.layers().size() - 1);
        return List.of(
                Checked.claim(f.configDigest().equals(configId), M.get("manifest.config"), M.get("manifest.config.evidence", f.configDigest())),
                Checked.claim(f.keyed().containsKey(f.configDigest()) && configSum.equals(f.configDigest()), M.get("manifest.config.file"),
                        M.get("manifest.keys", String.join(", ", f.keyed().keySet().stream().map(ImageStorage::shortKey).toList()))),
                Checked.claim(f.manifestSha().equals(f.indexDigest()), M.get("manifest.digest"),
                        M.get("manifest.digest.evidence", f.indexDigest(), f.manifestSha())),
                Checked.claim(top != null && top.id().equals(f.topLayer()), M.get("manifest.top"), M.get("id", f.topLayer())),
                Checked.claim(f.manifestLayers().size() == f.layers().size(), M.get("manifest.count", f.manifestLayers().size()),
                        M.get("manifest.count.evidence", f.manifestLayers().size(), f.layers().size())),
                Predictions.judge(M.get("pregunta.cuantas-capas"), prediction,
                        Predictions.saysNumber(prediction.orElse(""), f.manifestLayers().size()),
                        M.get("manifest.truth", f.manifestLayers().size())));
    }

    // ---- § 3: the chain of layers

    /** @param chain the layers from the top one down, following {@code parent}; @param tarSplits which have their tar-split.gz */
    record Chain(List<Layer> chain, List<String> manifestLayers, Set<String> tarSplits) {
    }

    static Chain chain(Capas lab) {
        Store s = lab.store();
        Image img = s.image(Env.image());
        List<Layer> chain = new ArrayList<>();
        for (String id = img.topLayer(); id != null && !id.isEmpty() && chain.size() < 500; id = s.layer(id).parent()) {
            chain.add(0, s.layer(id));
        }
        Set<String> tarSplits = new LinkedHashSet<>();
        for (Layer l : chain) {
            if (lab.files().exists(s.layout().layersDir().resolve(l.id() + ".tar-split.gz"))) {
                tarSplits.add(l.id());
            }
        }
        return new Chain(chain, manifest(lab).manifestLayers(), tarSplits);
    }

    static List<Checked> judgeChain(Chain f, Optional<String> prediction) {
        List<Layer> c = f.chain();
        List<String> compressed = c.stream().map(Layer::compressedDigest).toList();
        Layer bottom = c.isEmpty() ? null : c.get(0);
        boolean bottomIsDiff = bottom != null && bottom.parent() == null && ("sha256:" + bottom.id()).equals(bottom.diffDigest());
        boolean othersNot = c.stream().skip(1).noneMatch(l -> ("sha256:" + l.id()).equals(l.diffDigest()));
        List<String> noTarSplit = c.stream().map(Layer::id).filter(id -> !f.tarSplits().contains(id)).map(ImageStorage::shortId).toList();
        return List.of(
                Checked.claim(!c.isEmpty(), M.get("chain.walk", c.size()),
                        c.isEmpty() ? "" : M.get("chain.walk.evidence", shortId(c.get(c.size() - 1).id()), shortId(bottom.id()))),
                Checked.claim(compressed.equals(f.manifestLayers()), M.get("chain.manifest"), String.join(" ", compressed.stream().map(ImageStorage::shortKey).toList())),
                Checked.claim(bottomIsDiff && othersNot, M.get("chain.bottom"), bottom == null ? "" : M.get("chain.bottom.evidence",
                        String.valueOf(bottom.parent()), shortKey(bottom.diffDigest()))),
                Checked.claim(noTarSplit.isEmpty(), M.get("chain.tarsplit"), noTarSplit.isEmpty() ? "" : M.get("missing", String.join(", ", noTarSplit))),
                Predictions.judge(M.get("pregunta.sin-parent"), prediction,
                        Predictions.says(prediction.orElse(""), List.of("abajo", "primera", "base", "inferior"), List.of("arriba", "ultima")),
                        M.get("chain.truth", bottom == null ? "?" : shortId(bottom.id()))));
    }

    // ---- § 4: overlay/

    /** One layer's folder in {@code overlay/}: what it holds, its short name, its {@code lower}, and which of merged, work, empty hold something. */
    record LayerDir(String id, Set<String> names, String link, String lower, List<String> notEmpty) {
    }

    /** @param links {@code l/}: short name → target; @param graphRoot for the lowerdir lengths */
    record Overlay(List<LayerDir> layers, Map<String, String> links, String graphRoot) {
    }

    static Overlay overlay(Capas lab) {
        Store s = lab.store();
        OverlayLayout layout = s.layout();
        List<LayerDir> dirs = new ArrayList<>();
        for (Layer l : s.imageLayers(s.image(Env.image()))) {
            Set<String> names = new LinkedHashSet<>();
            lab.files().listDir(layout.layerDir(l.id())).forEach(e -> names.add(e.name()));
            List<String> notEmpty = new ArrayList<>();
            for (String sub : List.of(OverlayLayout.MERGED, OverlayLayout.WORK, OverlayLayout.EMPTY)) {
                if (names.contains(sub) && !lab.files().listDir(layout.layerDir(l.id()).resolve(sub)).isEmpty()) {
                    notEmpty.add(sub);
                }
            }
            String lower = names.contains(OverlayLayout.LOWER) ? lab.files().readFile(layout.lowerFile(l.id())).strip() : null;
            dirs.add(new LayerDir(l.id(), names, lab.files().readFile(layout.linkFile(l.id())).strip(), lower, notEmpty));
        }
        Map<String, String> links = new TreeMap<>();
        lab.files().listDir(layout.linkDir()).forEach(e -> links.put(e.name(), e.linkTarget()));
        return new Overlay(dirs, links, s.graphRoot());
    }

    static List<Checked> judgeOverlay(Overlay f, Optional<String> prediction) {
        List<LayerDir> c = f.layers();
        List<String> wrongFolders = new ArrayList<>();
        List<String> wrongLowers = new ArrayList<>();
        List<String> wrongLinks = new ArrayList<>();
        List<String> notEmpty = new ArrayList<>();
        String lowerBelow = "";
        for (int i = 0; i < c.size(); i++) {
            LayerDir d = c.get(i);
            boolean base = d.names().containsAll(List.of("diff", "link", "merged", "work"));
            boolean bottomRight = i == 0 ? d.names().contains("empty") && d.lower() == null : !d.names().contains("empty") && d.lower() != null;
            if (!base || !bottomRight || !d.link().matches("[A-Z0-9]{26}")) {
                wrongFolders.add(shortId(d.id()) + " " + d.names());
            }
            if (i > 0) {
                String expected = "l/" + c.get(i - 1).link() + lowerBelow;
                if (!expected.equals(d.lower())) {
                    wrongLowers.add(M.get("overlay.lower.wrong", shortId(d.id()), d.lower(), expected));
                }
                lowerBelow = ":" + d.lower();
            }
            if (!("../" + d.id() + "/diff").equals(f.links().get(d.link()))) {
                wrongLinks.add("l/" + d.link() + " → " + f.links().get(d.link()));
            }
            d.notEmpty().forEach(n -> notEmpty.add(shortId(d.id()) + "/" + n));
        }
        List<String> longer = new ArrayList<>();
        List<String> shorter = new ArrayList<>();
        for (int i = c.size() - 1; i >= 0; i--) {
            longer.add(new OverlayLayout(Path.of(f.graphRoot())).diffDir(c.get(i).id()).toString());
            shorter.add("l/" + c.get(i).link());
        }
        int lengthLong = String.join(":", longer).length();
        int lengthShort = String.join(":", shorter).length();
        LayerDir top = c.isEmpty() ? null : c.get(c.size() - 1);
        int topNames = top == null || top.lower() == null ? 0 : top.lower().split(":").length;
        return List.of(
                Checked.claim(!c.isEmpty() && wrongFolders.isEmpty(), M.get("overlay.folders", c.size()), String.join("; ", wrongFolders)),
                Checked.claim(wrongLowers.isEmpty(), M.get("overlay.lower"), wrongLowers.isEmpty() && top != null ? M.get("overlay.lower.top", top.lower())
                        : String.join("; ", wrongLowers)),
                Checked.claim(wrongLinks.isEmpty(), M.get("overlay.links"), String.join("; ", wrongLinks)),
                Checked.claim(notEmpty.isEmpty(), M.get("overlay.empty"), String.join(", ", notEmpty)),
                Checked.claim(lengthShort * 3 <= lengthLong, M.get("overlay.length", c.size()),
                        M.get("overlay.length.evidence", lengthLong, lengthShort)),
                Predictions.judge(M.get("pregunta.nombres-en-lower"), prediction, Predictions.saysNumber(prediction.orElse(""), topNames),
                        M.get("overlay.truth", topNames)));
    }

    // ---- § 5: a second version sharing layers

    /**
     * @param intermediate the unnamed images v2 was built on: id → their top layer
     * @param folders      the folders of {@code overlay/}
     */
    record Shared(List<String> courseLayers, List<Layer> v2Layers, List<String> folders, String versionText, Map<String, String> intermediate) {
    }

    static Shared shared(Capas lab) {
        Store s = lab.store();
        List<String> course = s.imageLayers(s.image(Env.image())).stream().map(Layer::id).toList();
        List<Layer> v2 = s.imageLayers(s.image(V2));
        List<String> folders = lab.files().listDir(s.layout().overlayDir()).stream().map(DirEntry::name).toList();
        String version = v2.isEmpty() ? null : readOrNull(lab, s.layout().diffDir(v2.get(v2.size() - 1).id()).resolve("version.txt"));
        Map<String, String> intermediate = new LinkedHashMap<>();
        for (String id : lab.podman().unnamedParents(V2)) {
            intermediate.put(id, s.findImage(id).map(Image::topLayer).orElse(""));
        }
        return new Shared(course, v2, folders, version, intermediate);
    }

    static List<Checked> judgeShared(Shared f, Optional<String> prediction) {
        List<String> v2 = f.v2Layers().stream().map(Layer::id).toList();
        boolean sharesBottom = v2.size() == f.courseLayers().size() + 1 && v2.subList(0, f.courseLayers().size()).equals(f.courseLayers());
        Layer added = f.v2Layers().isEmpty() ? null : f.v2Layers().get(f.v2Layers().size() - 1);
        String courseTop = f.courseLayers().isEmpty() ? "" : f.courseLayers().get(f.courseLayers().size() - 1);
        List<String> notOnce = v2.stream().filter(id -> f.folders().stream().filter(id::equals).count() != 1).map(ImageStorage::shortId).toList();
        boolean intermediatesShare = !f.intermediate().isEmpty() && added != null
                && f.intermediate().values().stream().allMatch(added.id()::equals);
        long newFolders = added == null || f.courseLayers().contains(added.id()) ? 0 : 1;
        return List.of(
                Checked.claim(sharesBottom, M.get("shared.bottom", f.courseLayers().size(), V2, Env.image()),
                        String.join(" ", v2.stream().map(ImageStorage::shortId).toList())),
                Checked.claim(added != null && courseTop.equals(added.parent()), M.get("shared.parent"),
                        added == null ? "" : M.get("shared.parent.evidence", shortId(added.id()), shortId(String.valueOf(added.parent())))),
                Checked.claim(notOnce.isEmpty() && added != null, M.get("shared.once"), String.join(", ", notOnce)),
                Checked.claim(VERSION_TEXT.equals(f.versionText()), M.get("shared.version"),
                        added == null ? "" : "overlay/" + shortId(added.id()) + "…/diff/version.txt"),
                Checked.claim(intermediatesShare, M.get("shared.intermediate", f.intermediate().size()),
                        String.join(" ", f.intermediate().keySet().stream().map(ImageStorage::shortId).toList())),
                Predictions.judge(M.get("pregunta.directorios-nuevos"), prediction, Predictions.saysNumber(prediction.orElse(""), newFolders),
                        M.get("shared.truth", newFolders)));
    }

    // ---- § 6: pull from an oci-archive

    /** @param log what the pull cell printed (its {@value #PULL_LOG}), or {@code null} */
    record Pull(String log, boolean v2Exists, String v2Label, List<String> courseLayers, List<Layer> v2Layers, List<String> unnamedParents) {
    }

    static Pull pull(Capas lab) {
        Store s = lab.store();
        List<String> course = s.imageLayers(s.image(Env.image())).stream().map(Layer::id).toList();
        Optional<Image> v2 = s.findImage(V2);
        String log;
        try {
            Path file = dir().resolve(PULL_LOG);
            log = Files.isRegularFile(file) ? Files.readString(file) : null;
        } catch (IOException e) {
            log = null;
        }
        String label = v2.isEmpty() ? "" : lab.podman().command("image", "inspect", "--format", "{{index .Labels \"" + Labels.LESSON + "\"}}", V2)
                .out().strip();
        return new Pull(log, v2.isPresent(), label, course, v2.map(s::imageLayers).orElse(List.of()),
                v2.isPresent() ? lab.podman().unnamedParents(V2) : List.of());
    }

    static List<Checked> judgePull(Pull f, Optional<String> prediction) {
        List<String> skipped = skippedBlobs(f.log());
        List<String> v2 = f.v2Layers().stream().map(Layer::id).toList();
        boolean sharesBottom = v2.size() == f.courseLayers().size() + 1 && v2.subList(0, f.courseLayers().size()).equals(f.courseLayers());
        // What was not skipped was copied: the version's layers less the blobs pull found there.
        int copied = f.v2Exists() ? Math.max(0, v2.size() - skipped.size()) : 0;
        return List.of(
                Checked.claim(f.v2Exists() && ID.equals(f.v2Label()), M.get("pull.back", V2),
                        f.v2Exists() ? M.get("pull.label", f.v2Label()) : M.get("pull.missing")),
                Checked.claim(f.log() != null && skipped.size() == f.courseLayers().size(), M.get("pull.skipped", f.courseLayers().size()),
                        f.log() == null ? M.get("pull.no.log", dir().resolve(PULL_LOG)) : String.join(" ", skipped)),
                Checked.claim(f.log() != null && copied == 1, M.get("pull.copied"), M.get("pull.truth", copied, skipped.size())),
                Checked.claim(sharesBottom, M.get("pull.same.layers", f.courseLayers().size()),
                        String.join(" ", v2.stream().map(ImageStorage::shortId).toList())),
                Checked.claim(f.unnamedParents().isEmpty(), M.get("pull.no.intermediate"), String.join(" ", f.unnamedParents())),
                Predictions.judge(M.get("pregunta.capas-copiadas"), prediction, Predictions.saysNumber(prediction.orElse(""), copied),
                        M.get("pull.truth", copied, skipped.size())));
    }

    /** The blobs {@code log} says pull skipped, each once, in the order first seen. */
    static List<String> skippedBlobs(String log) {
        if (log == null) {
            return List.of();
        }
        java.util.LinkedHashSet<String> found = new java.util.LinkedHashSet<>();
        Matcher m = SKIPPED.matcher(log);
        while (m.find()) {
            found.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return List.copyOf(found);
    }

    // ---- § 7: disk usage

    record Space(List<Layer> course, List<Layer> v2) {
    }

    static Space space(Capas lab) {
        Store s = lab.store();
        return new Space(s.imageLayers(s.image(Env.image())), s.imageLayers(s.image(V2)));
    }

    /** The bytes of the two images counted apart, the bytes of their distinct layers, and those of the shared ones. */
    record Sums(long apart, long onDisk, long shared) {
    }

    static Sums sums(Space f) {
        long apart = 0;
        Map<String, Long> distinct = new LinkedHashMap<>();
        for (Layer l : f.course()) {
            apart += l.diffSize();
            distinct.put(l.id(), l.diffSize());
        }
        for (Layer l : f.v2()) {
            apart += l.diffSize();
            distinct.put(l.id(), l.diffSize());
        }
        long onDisk = distinct.values().stream().mapToLong(Long::longValue).sum();
        long shared = f.course().stream().filter(l -> f.v2().stream().anyMatch(v -> v.id().equals(l.id()))).mapToLong(Layer::diffSize).sum();
        return new Sums(apart, onDisk, shared);
    }

    static List<Checked> judgeSpace(Space f, Optional<String> prediction) {
        Sums s = sums(f);
        long added = f.v2().isEmpty() ? 0 : f.v2().get(f.v2().size() - 1).diffSize();
        long course = f.course().stream().mapToLong(Layer::diffSize).sum();
        return List.of(
                Checked.claim(s.onDisk() < s.apart(), M.get("space.less"), M.get("space.less.evidence", s.onDisk(), s.apart())),
                Checked.claim(s.apart() - s.onDisk() == s.shared() && s.shared() > 0, M.get("space.saving"),
                        M.get("space.saving.evidence", s.apart() - s.onDisk(), s.shared())),
                Checked.claim(s.onDisk() == course + added, M.get("space.disk", Env.image()), M.get("space.disk.evidence", s.onDisk(), course, added)),
                Predictions.judge(M.get("pregunta.el-doble"), prediction,
                        Predictions.says(prediction.orElse(""), List.of("no", "menos"), List.of("si", "doble")) == (s.onDisk() < s.apart()),
                        M.get("space.truth", s.onDisk(), s.apart())));
    }

    // ---- § 8: the explorer

    record Explore(String versionLayer, String busyboxLayer, String v2Top, List<String> courseLayers, boolean explorerShowsVersion) {
    }

    static Explore explore(Capas lab) {
        Store s = lab.store();
        return new Explore(lab.layers().whichLayer(V2, "/version.txt").layerId(), lab.layers().whichLayer(V2, "/bin/busybox").layerId(),
                s.image(V2).topLayer(), s.imageLayers(s.image(Env.image())).stream().map(Layer::id).toList(),
                lab.layers().explore(V2).toString().contains("version.txt"));
    }

    static List<Checked> judgeExplore(Explore f, Optional<String> prediction) {
        boolean shared = f.courseLayers().contains(f.busyboxLayer());
        return List.of(Checked.claim(f.v2Top().equals(f.versionLayer()), M.get("explore.version"), M.get("id", f.versionLayer())),
                Checked.claim(shared, M.get("explore.busybox", Env.image()), M.get("id", f.busyboxLayer())),
                Checked.claim(f.explorerShowsVersion(), M.get("explore.shows"), ""),
                Predictions.judge(M.get("pregunta.capa-de-busybox"), prediction,
                        Predictions.says(prediction.orElse(""), List.of("compartida", "curso", "abajo", "vieja", "antigua", "imagen"),
                                List.of("nueva", "arriba")) == shared,
                        M.get(shared ? "explore.truth.shared" : "explore.truth.new")));
    }

    // ---- Para saber más: tar-split.gz

    /** One file entry ({@code "type":1}) of a tar-split.gz, and what the layer's {@code diff} holds under its name. */
    record TarEntry(String name, long size, String payload, boolean inDiff, long diffSize, String diffPayload) {
    }

    /** @param diffPayload the CRC-64 payload of the file in diff, when it was read (small files only), else {@code null} */
    record TarSplit(String layerId, List<TarEntry> entries) {
    }

    /** At most this many files have their content read and summed: enough to show it, quick enough for a cell. */
    private static final int MAX_SUMMED = 20;

    static TarSplit tarSplit(Capas lab) {
        Store s = lab.store();
        String top = s.image(Env.image()).topLayer();
        Path file = s.layout().layersDir().resolve(top + ".tar-split.gz");
        CommandResult zcat = Commands.run(asRoot(List.of("zcat", file.toString())));
        if (!zcat.ok()) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("tarsplit.unreadable", file, zcat.err()));
        }
        List<TarEntry> entries = new ArrayList<>();
        int summed = 0;
        for (String line : zcat.out().lines().toList()) {
            JsonNode e = readJson(line);
            if (e.path("type").asInt() != 1) {
                continue;
            }
            String name = e.path("name").asText();
            Path inDiff = s.layout().diffDir(top).resolve(name);
            Optional<DirEntry> found = lab.files().exists(inDiff)
                    ? lab.files().listDir(inDiff.getParent()).stream().filter(d -> d.name().equals(inDiff.getFileName().toString())).findFirst()
                    : Optional.empty();
            String payload = null;
            long size = e.path("size").asLong();
            if (found.isPresent() && size > 0 && size <= 1 << 20 && summed < MAX_SUMMED) {
                payload = crc64Payload(rootBytes(inDiff));
                summed++;
            }
            entries.add(new TarEntry(name, size, e.path("payload").asText(null), found.isPresent(), found.map(DirEntry::size).orElse(-1L), payload));
        }
        return new TarSplit(top, entries);
    }

    static List<Checked> judgeTarSplit(TarSplit f) {
        List<String> missing = f.entries().stream().filter(e -> !e.inDiff()).map(TarEntry::name).toList();
        List<String> badSize = f.entries().stream().filter(e -> e.inDiff() && e.size() > 0 && e.size() != e.diffSize())
                .map(e -> M.get("tarsplit.size.wrong", e.name(), e.diffSize(), e.size())).toList();
        List<TarEntry> summed = f.entries().stream().filter(e -> e.diffPayload() != null).toList();
        List<String> badSum = summed.stream().filter(e -> !e.diffPayload().equals(e.payload()))
                .map(e -> M.get("tarsplit.crc.wrong", e.name(), e.diffPayload(), e.payload())).toList();
        long withContent = f.entries().stream().filter(e -> e.size() > 0).count();
        return List.of(
                Checked.claim(!f.entries().isEmpty() && missing.isEmpty(), M.get("tarsplit.present", f.entries().size()),
                        missing.isEmpty() ? "overlay/" + shortId(f.layerId()) + "…/diff" : M.get("missing", String.join(", ", missing))),
                Checked.claim(badSize.isEmpty(), M.get("tarsplit.sizes", withContent), String.join("; ", badSize)),
                Checked.claim(!summed.isEmpty() && badSum.isEmpty(), M.get("tarsplit.crc", summed.size()),
                        badSum.isEmpty() ? String.join(", ", summed.stream().map(e -> e.name() + " " + e.payload()).limit(3).toList()) : String.join("; ", badSum)));
    }

    /**
     * The CRC-64 tar-split keeps of each file's content (Go's {@code crc64.ISO} table, as
     * containers/storage computes it), base64 of its 8 big-endian bytes.
     */
    public static String crc64Payload(byte[] content) {
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(Long.BYTES).putLong(crc64(content)).array());
    }

    /** CRC-64/GO-ISO: reflected polynomial 0xD800000000000000, all ones in and out. */
    static long crc64(byte[] content) {
        long crc = -1L;
        for (byte b : content) {
            crc ^= b & 0xff;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xD800000000000000L : crc >>> 1;
            }
        }
        return ~crc;
    }

    // ---- clean-up

    /** @param newLayer the layer v2 added, as the pull check saw it; @param missingCourse course layers whose diff is gone */
    record CleanUp(boolean v2Exists, String newLayer, boolean newLayerThere, List<String> missingCourse, boolean dirExists, List<String> leftImages) {
    }

    static CleanUp cleanUp(Capas lab, Optional<String> newLayer) {
        Store s = lab.store();
        List<String> missing = s.imageLayers(s.image(Env.image())).stream().map(Layer::id)
                .filter(id -> !lab.files().exists(s.layout().diffDir(id))).toList();
        // Only what the lesson makes: unnamed, or named under its prefix. A student's image built on v2 inherits the label, not the name.
        List<String> left = s.images().stream().filter(i -> i.names().isEmpty() || i.names().stream().anyMatch(n -> n.startsWith(Labels.LESSON_IMAGE_PREFIX + ID + "/")))
                .map(Image::id).filter(id -> ID.equals(lab.podman().command("image", "inspect", "--format",
                        "{{index .Labels \"" + Labels.LESSON + "\"}}", id).out().strip()))
                .toList();
        return new CleanUp(s.findImage(V2).isPresent(), newLayer.orElse(null),
                newLayer.map(id -> lab.files().exists(s.layout().layerDir(id))).orElse(false), missing, Files.exists(dir()), left);
    }

    static List<Checked> judgeCleanUp(CleanUp f) {
        List<Checked> out = new ArrayList<>();
        out.add(Checked.claim(!f.v2Exists(), M.get("clean.v2", V2), f.v2Exists() ? M.get("clean.still") : ""));
        if (f.newLayer() != null) {
            out.add(Checked.claim(!f.newLayerThere(), M.get("clean.layer", shortId(f.newLayer())), f.newLayerThere() ? M.get("clean.still") : ""));
        }
        out.add(Checked.claim(f.leftImages().isEmpty(), M.get("clean.images"), String.join(" ", f.leftImages().stream().map(ImageStorage::shortId).toList())));
        out.add(Checked.claim(f.missingCourse().isEmpty(), M.get("clean.course", Env.image()), String.join(" ", f.missingCourse())));
        out.add(Checked.claim(!f.dirExists(), M.get("clean.dir", dir()), f.dirExists() ? M.get("clean.still") : ""));
        return out;
    }

    // ---- reading

    static String shortId(String id) {
        return id == null ? "" : id.replace("sha256:", "").substring(0, Math.min(12, id.replace("sha256:", "").length()));
    }

    private static String shortKey(String key) {
        return key.length() > 19 ? key.substring(0, 19) + "…" : key;
    }


    private static String readOrNull(Capas lab, Path file) {
        return lab.files().exists(file) ? lab.files().readFile(file) : null;
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new CapasException(CapasException.Kind.PODMAN_FAILED, M.get("unreadable.json", text.length() > 80 ? text.substring(0, 80) : text));
        }
    }

    static String sha256(String text) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> asRoot(List<String> argv) {
        if (Posix.isRoot()) {
            return argv;
        }
        List<String> all = new ArrayList<>(List.of("sudo", "-n"));
        all.addAll(argv);
        return all;
    }

    /** The bytes of a file of the rootful store, through base64 so that the text pipe keeps them whole. */
    private static byte[] rootBytes(Path file) {
        CommandResult read = Commands.run(asRoot(List.of("base64", "-w0", file.toString())));
        if (!read.ok()) {
            throw new UncheckedIOException(new IOException(read.err()));
        }
        return Base64.getDecoder().decode(read.out().strip());
    }
}
