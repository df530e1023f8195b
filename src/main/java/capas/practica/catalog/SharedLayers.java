package capas.practica.catalog;

import capas.CapasException;
import capas.Env;
import capas.Labels;
import capas.Messages;
import capas.Mode;
import capas.lab.Capas;
import capas.os.TempDir;
import capas.podman.Podman;
import capas.practica.Answers;
import capas.practica.PracticaDefinition;
import capas.practica.Task;
import capas.practica.Verdict;
import capas.store.Image;
import capas.store.Layer;
import capas.store.OverlayLayout;
import capas.store.Store;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Práctica 2, "Capas compartidas": the lab builds image {@code a} (the course image plus one
 * layer) and image {@code b} (a plus two layers). The student says which layers they share,
 * how much b really adds to the disk, which layer of {@code layers.json} a digest of b's
 * manifest names, which layer the first short name of b's top {@code lower} file leads to
 * through {@code l/}, and where both stores live (the graph roots {@code podman info} gives).
 */
public final class SharedLayers implements PracticaDefinition {
    static final String ID = "p2-capas-compartidas";
    static final String IMAGE_A = Labels.lessonImage("p2", "a");
    static final String IMAGE_B = Labels.lessonImage("p2", "b");
    /** Sizes of the files each layer adds: a's one, then b's two. */
    static final int A_BYTES = 3_000_000;
    static final int B1_BYTES = 1_000_000;
    static final int B2_BYTES = 600_000;
    /** How far a size may be from the right one (podman rounds, du counts blocks). */
    static final double TOLERANCE = 0.10;
    private static final Messages M = Messages.forClass(SharedLayers.class);
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
    public String prepare(Capas lab) {
        // b first: removing it also removes its intermediate images, which keep a in use.
        for (String image : List.of(IMAGE_B, IMAGE_A)) {
            if (lab.store().findImage(image).isPresent()) {
                try {
                    lab.podman().rmi(image);
                } catch (CapasException e) {
                    if (e.kind() != CapasException.Kind.IMAGE_IN_USE) {
                        throw e;
                    }
                    // Someone else's container still uses it: the new build just takes the name.
                }
            }
        }
        try (TempDir context = context("FROM " + Env.image() + "\nCOPY datos-a.bin /srv/datos-a.bin\n", Map.of("datos-a.bin", A_BYTES))) {
            lab.podman().build(IMAGE_A, context.path());
        }
        try (TempDir context = context("FROM " + IMAGE_A + "\nCOPY uno.bin /srv/uno.bin\nCOPY dos.bin /srv/dos.bin\n",
                Map.of("uno.bin", B1_BYTES, "dos.bin", B2_BYTES))) {
            lab.podman().build(IMAGE_B, context.path());
        }
        return M.get("prepare", IMAGE_A, IMAGE_B, Env.image());
    }

    /** A build context: the Containerfile and files of fixed pseudo-random bytes (name → size). */
    private static TempDir context(String containerfile, Map<String, Integer> files) {
        TempDir dir = TempDir.create("capas-p2-");
        try {
            Files.writeString(dir.path().resolve("Containerfile"), containerfile);
            for (Map.Entry<String, Integer> f : files.entrySet()) {
                byte[] bytes = new byte[f.getValue()];
                new Random(f.getKey().hashCode()).nextBytes(bytes);
                Files.write(dir.path().resolve(f.getKey()), bytes);
            }
            return dir;
        } catch (IOException e) {
            dir.close();
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<Integer, Task> tasks(Capas lab) {
        Map<Integer, Task> tasks = new LinkedHashMap<>();
        tasks.put(1, answer -> shared(lab, answer));
        tasks.put(2, answer -> added(lab, answer));
        tasks.put(3, answer -> layerOfDigest(lab, answer));
        tasks.put(4, answer -> firstLower(lab, answer));
        tasks.put(5, answer -> judgeRoots(answer, lab.graphRoot(), new Podman(Mode.ROOTLESS).graphRoot(), Env.home()));
        return tasks;
    }

    /** The two images' layers from the bottom up, or a verdict saying one is missing. */
    private record Images(Store store, Image a, Image b, List<Layer> layersA, List<Layer> layersB) {
        List<Layer> sharedLayers() {
            Set<String> inA = layersA.stream().map(Layer::id).collect(Collectors.toSet());
            return layersB.stream().filter(l -> inA.contains(l.id())).toList();
        }

        List<Layer> ownOfB() {
            Set<String> inA = layersA.stream().map(Layer::id).collect(Collectors.toSet());
            return layersB.stream().filter(l -> !inA.contains(l.id())).toList();
        }
    }

    private static Optional<Images> images(Capas lab) {
        Store store = lab.store();
        Optional<Image> a = store.findImage(IMAGE_A);
        Optional<Image> b = store.findImage(IMAGE_B);
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Images(store, a.get(), b.get(), store.imageLayers(a.get()), store.imageLayers(b.get())));
    }

    private static Verdict gone(int task) {
        return Verdict.wrong(task, M.get("image.gone", IMAGE_A, IMAGE_B));
    }

    private static Verdict shared(Capas lab, Object answer) {
        Optional<Images> found = images(lab);
        if (found.isEmpty()) {
            return gone(1);
        }
        Images im = found.get();
        String text = answer == null ? "" : answer.toString().strip();
        Matcher m = Pattern.compile("^(\\d{1,3})[\\s,;]+(\\S+)$").matcher(text);
        if (!m.matches()) {
            return Verdict.wrong(1, M.get("shared.format"));
        }
        int count = Integer.parseInt(m.group(1));
        Optional<String> given = Answers.idPrefix(m.group(2));
        if (given.isEmpty()) {
            return Verdict.wrong(1, M.get("id.format"));
        }
        String g = given.get();
        List<Layer> shared = im.sharedLayers();
        Layer top = shared.get(shared.size() - 1);
        List<Layer> course = im.store().findImage(Env.image()).map(im.store()::imageLayers).orElse(List.of());
        if (Answers.names(g, im.a().id()) || Answers.names(g, im.b().id())) {
            return Verdict.wrong(1, M.get("image.id"));
        }
        if (im.store().images().stream().anyMatch(i -> Answers.names(g, i.id()))) {
            return Verdict.wrong(1, M.get("image.id.other"));
        }
        if (im.ownOfB().stream().anyMatch(l -> Answers.names(g, l.id()))) {
            return Verdict.wrong(1, M.get("shared.own.b"));
        }
        if (!Answers.names(g, top.id())) {
            if (!course.isEmpty() && Answers.names(g, course.get(course.size() - 1).id())) {
                return Verdict.wrong(1, M.get("shared.course.only", Env.image()));
            }
            if (shared.stream().anyMatch(l -> Answers.names(g, l.id()))) {
                return Verdict.wrong(1, M.get("shared.not.top"));
            }
            if (im.layersA().stream().anyMatch(l -> Answers.names(g, l.id()))) {
                return Verdict.wrong(1, M.get("shared.own.a"));
            }
            return Verdict.wrong(1, M.get("layer.unknown", IMAGE_A, IMAGE_B));
        }
        if (count != shared.size()) {
            return Verdict.wrong(1, M.get(count > shared.size() ? "shared.count.more" : "shared.count.less", String.valueOf(count)));
        }
        String[] details = shared.stream().map(l -> l.id().substring(0, 12)).toArray(String[]::new);
        return Verdict.right(1, M.get("shared.ok", String.valueOf(shared.size()), Env.image()), details);
    }

    private static Verdict added(Capas lab, Object answer) {
        Optional<Images> found = images(lab);
        if (found.isEmpty()) {
            return gone(2);
        }
        Images im = found.get();
        OptionalDouble given = bytes(answer);
        if (given.isEmpty()) {
            return Verdict.wrong(2, M.get("size.format"));
        }
        double g = given.getAsDouble();
        List<Layer> own = im.ownOfB();
        long right = own.stream().mapToLong(Layer::diffSize).sum();
        if (near(g, right)) {
            String[] details = own.stream().map(l -> l.id().substring(0, 12) + " · " + l.diffSize() + " bytes").toArray(String[]::new);
            return Verdict.right(2, M.get("size.ok", String.valueOf(right), String.valueOf(own.size())), details);
        }
        long wholeA = im.layersA().stream().mapToLong(Layer::diffSize).sum();
        long wholeB = im.layersB().stream().mapToLong(Layer::diffSize).sum();
        if (near(g, wholeB)) {
            return Verdict.wrong(2, M.get("size.whole"));
        }
        if (near(g, wholeA + wholeB)) {
            return Verdict.wrong(2, M.get("size.both"));
        }
        Layer topB = im.layersB().get(im.layersB().size() - 1);
        if (own.size() > 1 && near(g, topB.diffSize())) {
            return Verdict.wrong(2, M.get("size.top.only", String.valueOf(own.size())));
        }
        Layer topA = im.layersA().get(im.layersA().size() - 1);
        if (near(g, topA.diffSize())) {
            return Verdict.wrong(2, M.get("size.own.a"));
        }
        return Verdict.wrong(2, M.get(g > right ? "size.more" : "size.less"));
    }

    static boolean near(double given, long right) {
        return Math.abs(given - right) <= TOLERANCE * right;
    }

    private static final Pattern SIZE = Pattern.compile("^([0-9]+(?:[.,][0-9]+)?)\\s*([a-z]*)$");

    /**
     * A size as the student may give it: bytes ({@code 1602048}, {@code 1.602.048}) or as podman
     * or du print it ({@code 1.6 MB}, {@code 1,6MB}, {@code 1.5M}, {@code 1565 KiB}).
     */
    static OptionalDouble bytes(Object answer) {
        if (answer instanceof Number n) {
            return OptionalDouble.of(n.doubleValue());
        }
        String text = answer == null ? "" : answer.toString().strip().toLowerCase(Locale.ROOT).replace("_", "").replace(" ", "");
        if (text.matches("[0-9]{1,3}([.,][0-9]{3})+(b|bytes)?")) {
            text = text.replaceAll("[.,]", "");
        }
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            return OptionalDouble.empty();
        }
        double number = Double.parseDouble(m.group(1).replace(',', '.'));
        double unit = switch (m.group(2)) {
            case "", "b", "byte", "bytes" -> 1;
            case "k", "kb" -> 1e3;
            case "kib" -> 1024;
            case "m", "mb" -> 1e6;
            case "mib" -> 1024 * 1024;
            case "g", "gb" -> 1e9;
            case "gib" -> 1024 * 1024 * 1024;
            default -> -1;
        };
        return unit < 0 ? OptionalDouble.empty() : OptionalDouble.of(number * unit);
    }

    /** The digest of the last-but-one layer of b's manifest: the one the notebook shows. */
    static String shownDigest(Capas lab, Image b) {
        try {
            Path manifest = lab.store().layout().imagesDir().resolve(b.id()).resolve("manifest");
            JsonNode layers = JSON.readTree(lab.files().readFile(manifest)).path("layers");
            return layers.get(layers.size() - 2).path("digest").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Verdict layerOfDigest(Capas lab, Object answer) {
        Optional<Images> found = images(lab);
        if (found.isEmpty()) {
            return gone(3);
        }
        Images im = found.get();
        String digest = shownDigest(lab, im.b());
        List<Layer> chain = new ArrayList<>(im.layersB());
        int index = -1;
        for (int i = 0; i < chain.size(); i++) {
            if (digest.equals(chain.get(i).compressedDigest())) {
                index = i;
            }
        }
        if (index < 0) {
            return Verdict.wrong(3, M.get("digest.missing", digest));
        }
        Layer right = chain.get(index);
        Optional<String> given = Answers.idPrefix(answer);
        if (given.isEmpty()) {
            return Verdict.wrong(3, M.get("id.format"));
        }
        String g = given.get();
        if (Answers.names(g, right.id())) {
            return Verdict.right(3, M.get("digest.ok"), M.get("digest.pair", digest, right.id()));
        }
        if (Answers.names(g, digest.replaceFirst("^sha256:", ""))) {
            return Verdict.wrong(3, M.get("digest.itself"));
        }
        if (im.store().images().stream().anyMatch(i -> Answers.names(g, i.id()))) {
            return Verdict.wrong(3, M.get("image.id.other"));
        }
        if (index > 0 && Answers.names(g, chain.get(index - 1).id())) {
            return Verdict.wrong(3, M.get("digest.parent"));
        }
        if (index + 1 < chain.size() && Answers.names(g, chain.get(index + 1).id())) {
            return Verdict.wrong(3, M.get("digest.child"));
        }
        if (chain.stream().anyMatch(l -> Answers.names(g, l.id()))) {
            return Verdict.wrong(3, M.get("digest.other.layer"));
        }
        return Verdict.wrong(3, M.get("layer.unknown", IMAGE_A, IMAGE_B));
    }

    /**
     * Task 4: the first short name in the {@code lower} file of b's top layer, followed through
     * {@code l/}. Read from the real files, so the answer is what the student's store says.
     */
    private static Verdict firstLower(Capas lab, Object answer) {
        Optional<Images> found = images(lab);
        if (found.isEmpty()) {
            return gone(4);
        }
        Images im = found.get();
        Layer top = im.layersB().get(im.layersB().size() - 1);
        List<String> names = new ArrayList<>();
        for (String entry : lab.files().readFile(im.store().layout().lowerFile(top.id())).strip().split(":")) {
            names.add(entry.substring(entry.indexOf('/') + 1));
        }
        List<String> ids = new ArrayList<>();
        for (String name : names) {
            Optional<String> layer = im.store().layerOfLink(name);
            if (layer.isEmpty()) {
                return Verdict.wrong(4, M.get("lower.unlinked", name));
            }
            ids.add(layer.get());
        }
        List<String> images = im.store().images().stream().map(Image::id).toList();
        return judgeLower(answer, new LowerFacts(top.id(), names, ids, images));
    }

    /**
     * What task 4 is judged against.
     *
     * @param top    b's top layer, whose {@code lower} file the student reads
     * @param names  the short names in that file, in its order (the layer just below first)
     * @param layers the layer each name leads to through {@code l/}, in the same order
     * @param images the ids of the store's images
     */
    record LowerFacts(String top, List<String> names, List<String> layers, List<String> images) {
    }

    private static final Pattern SHORT_NAME = Pattern.compile("[A-Z0-9]{26}");

    /** Task 4: the layer the first name of {@code lower} leads to; each usual slip gets its own direction. */
    static Verdict judgeLower(Object answer, LowerFacts facts) {
        // "l/NAME", "../ID/diff" and "overlay/ID" are the same answer written as the files show it.
        String text = answer == null ? "" : answer.toString().strip().replaceFirst("/+$", "").replaceFirst("/diff$", "");
        text = text.substring(text.lastIndexOf('/') + 1);
        if (SHORT_NAME.matcher(text).matches()) {
            return Verdict.wrong(4, M.get(text.equals(facts.names().get(0)) ? "lower.short.name" : "lower.short.other"));
        }
        Optional<String> given = Answers.idPrefix(text);
        if (given.isEmpty()) {
            return Verdict.wrong(4, M.get("id.format"));
        }
        String g = given.get();
        List<String> layers = facts.layers();
        if (Answers.names(g, layers.get(0))) {
            return Verdict.right(4, M.get("lower.ok", String.valueOf(layers.size())),
                    M.get("lower.pair", facts.names().get(0), layers.get(0)));
        }
        if (Answers.names(g, facts.top())) {
            return Verdict.wrong(4, M.get("lower.top"));
        }
        if (layers.size() > 1 && Answers.names(g, layers.get(layers.size() - 1))) {
            return Verdict.wrong(4, M.get("lower.last"));
        }
        if (layers.stream().anyMatch(l -> Answers.names(g, l))) {
            return Verdict.wrong(4, M.get("lower.other"));
        }
        if (facts.images().stream().anyMatch(i -> Answers.names(g, i))) {
            return Verdict.wrong(4, M.get("image.id.other"));
        }
        return Verdict.wrong(4, M.get("layer.unknown", IMAGE_A, IMAGE_B));
    }

    /**
     * Task 5: the graph roots of the rootful and the rootless store, in that order, as
     * {@code podman info} gives them; {@code ~} and {@code $HOME} stand for {@code home}.
     */
    static Verdict judgeRoots(Object answer, Path rootful, Path rootless, Path home) {
        String text = answer == null ? "" : answer.toString().strip();
        String[] parts = text.split("[\\s,;]+");
        if (text.isEmpty() || parts.length != 2) {
            return Verdict.wrong(5, M.get("roots.format"));
        }
        Path first = path(parts[0], home);
        Path second = path(parts[1], home);
        String[] details = {M.get("roots.detail.rootful", rootful), M.get("roots.detail.rootless", rootless)};
        if (first.equals(rootful) && second.equals(rootless)) {
            return Verdict.right(5, M.get("roots.ok"), details);
        }
        if (first.equals(second)) {
            return Verdict.wrong(5, M.get("roots.same"));
        }
        if (first.equals(rootless) && second.equals(rootful)) {
            return Verdict.wrong(5, M.get("roots.swapped"));
        }
        if (first.equals(rootless)) {
            return Verdict.wrong(5, M.get("roots.rootless.first"));
        }
        if (second.equals(rootful)) {
            return Verdict.wrong(5, M.get("roots.rootful.second"));
        }
        if (!first.equals(rootful)) {
            return Verdict.wrong(5, rootMistake(first, rootful, "rootful"));
        }
        return Verdict.wrong(5, rootMistake(second, rootless, "rootless"));
    }

    private static String rootMistake(Path given, Path right, String store) {
        String which = M.get("roots.which." + store);
        if (given.getFileName() != null && given.getFileName().toString().endsWith(".conf")) {
            return M.get("roots.conf", which);
        }
        if (right.equals(given.getParent())) {
            return M.get(given.getFileName().toString().equals(OverlayLayout.OVERLAY) ? "roots.driver" : "roots.inside", which);
        }
        if (given.startsWith("/run") || given.toString().contains("/run/")) {
            return M.get("roots.runroot", which);
        }
        if (given.startsWith(right)) {
            return M.get("roots.inside", which);
        }
        return M.get("roots.wrong", which);
    }

    private static Path path(String given, Path home) {
        String p = given.replaceAll("^[\"']|[\"']$", "");
        if (p.equals("~") || p.startsWith("~/")) {
            p = home + p.substring(1);
        } else if (p.startsWith("$HOME")) {
            p = home + p.substring("$HOME".length());
        }
        return Path.of(p).normalize();
    }
}
