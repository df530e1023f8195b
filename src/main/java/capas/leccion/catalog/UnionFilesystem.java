package capas.leccion.catalog;

import capas.Env;
import capas.Messages;
import capas.Mode;
import capas.leccion.Checked;
import capas.leccion.Leccion;
import capas.leccion.LessonCheck;
import capas.leccion.LessonDefinition;
import capas.lab.HandOverlay;
import capas.os.CommandResult;
import capas.os.Commands;
import capas.os.Entry;
import capas.os.Posix;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Lesson 01, "Sistemas de ficheros de unión": the student mounts overlays by hand in
 * {@code ~/capas-01} (as root, and in the optional part inside {@code podman unshare}). Each check
 * gathers the facts live (files of the folders, the mount tables, what a mount attempt answers)
 * into a record, and a pure judge turns them into claims, so that the judges are tested on
 * hand-made facts, failing cases included.
 */
public final class UnionFilesystem implements LessonDefinition {
    static final String ID = "01";
    static final String DIR = "capas-01";
    static final String F3_LOWER = "Fichero 3 en la capa lower";
    static final String F3_UPPER = "Fichero 3 en la capa upper";
    static final String F1 = "Fichero 1 en la capa lower";
    static final String F2 = "Fichero 2 en la capa lower";
    static final String F5 = "Fichero 5 en merged";
    static final String ONE_MORE_LINE = "Una línea más";
    static final long BIG = 8L * 1024 * 1024;
    static final List<String> LAYER_FILES = List.of("lower/f1", "lower/f2", "lower/f3", "lower/dir/viejo", "lower/grande", "upper/f3", "upper/f4");
    static final List<String> MERGED_NAMES = List.of("dir", "f1", "f2", "f3", "f4", "grande");
    private static final Messages M = Messages.forClass(UnionFilesystem.class);

    @Override
    public String id() {
        return ID;
    }

    /** The mounts of the lesson are made as root ({@code sudo mount}); the optional part also looks inside {@code podman unshare}. */
    @Override
    public Mode mode() {
        return Mode.ROOTFUL;
    }

    @Override
    public Map<String, LessonCheck> checks() {
        Map<String, LessonCheck> checks = new LinkedHashMap<>();
        checks.put("de-cero", (lesson, data) -> judgeFresh(fresh(dir())));
        checks.put("capas", (lesson, data) -> judgeLayers(layers(dir())));
        checks.put("montaje", (lesson, data) -> judgeMount(mount(dir()), lesson.prediction("f3-en-merged")));
        checks.put("de-que-capa", (lesson, data) -> judgeWhichLayer(whichLayer(dir())));
        checks.put("fichero-nuevo", (lesson, data) -> judgeNewFile(newFile(dir()), lesson.prediction("capa-de-f5")));
        checks.put("marca-de-borrado", (lesson, data) -> judgeWhiteout(whiteout(dir()), lesson.prediction("borrar-f2")));
        checks.put("copia-hacia-arriba", (lesson, data) -> judgeCopyUp(copyUp(dir()), lesson.prediction("tamano-de-grande")));
        checks.put("directorio-opaco", (lesson, data) -> judgeOpaque(opaque(dir()), lesson.prediction("viejo-en-dir")));
        checks.put("varias-capas", (lesson, data) -> judgeLowers(lowers(dir()), lesson.prediction("comun")));
        checks.put("workdir", (lesson, data) -> judgeWorkdir(workdir(dir()), lesson.prediction("workdir-en-otro")));
        checks.put("sin-root", (lesson, data) -> judgeRootless(rootless(dir()), lesson.prediction("dueno-de-la-marca")));
        checks.put("limpieza", (lesson, data) -> judgeCleanUp(cleanUp(dir())));
        return checks;
    }

    @Override
    public String title(String check) {
        return M.get("titulo." + check);
    }

    static Path dir() {
        return Env.home().resolve(DIR);
    }

    // ---- § 0: nothing left from an earlier run

    /** @param mounted the mount points inside the folder, in the host's table */
    record Fresh(Path dir, boolean exists, List<String> mounted) {
    }

    static Fresh fresh(Path dir) {
        return new Fresh(dir, Files.exists(dir), mountedUnder(hostTable(), dir));
    }

    static List<Checked> judgeFresh(Fresh f) {
        return List.of(Checked.claim(!f.exists(), M.get("fresh.absent", f.dir()), f.exists() ? M.get("fresh.exists") : ""),
                Checked.claim(f.mounted().isEmpty(), M.get("fresh.unmounted", f.dir()), String.join(", ", f.mounted())));
    }

    // ---- § 1: the layers

    /**
     * @param missing      the lesson's files that are not regular files there
     * @param workEntries  what {@code work} holds
     */
    record Layers(Path root, List<String> missing, String lowerF3, String upperF3, List<String> workEntries, List<String> mergedEntries) {
    }

    static Layers layers(Path dir) {
        Path root = dir.resolve("con-root");
        List<String> missing = LAYER_FILES.stream().filter(f -> !Files.isRegularFile(root.resolve(f))).toList();
        return new Layers(root, missing, text(root.resolve("lower/f3")), text(root.resolve("upper/f3")), names(root.resolve("work")),
                names(root.resolve("merged")));
    }

    static List<Checked> judgeLayers(Layers f) {
        return List.of(
                Checked.claim(f.missing().isEmpty(), M.get("layers.files"),
                        f.missing().isEmpty() ? f.root().toString() : M.get("missing", String.join(", ", f.missing()))),
                Checked.claim(F3_LOWER.equals(f.lowerF3()) && F3_UPPER.equals(f.upperF3()), M.get("layers.f3"),
                        M.get("layers.f3.evidence", f.lowerF3(), f.upperF3())),
                Checked.claim(f.workEntries().isEmpty() && f.mergedEntries().isEmpty(), M.get("layers.empty"),
                        M.get("layers.empty.evidence", f.workEntries(), f.mergedEntries())));
    }

    // ---- § 2: the mount

    /** @param line its line in the host's mount table, or {@code null} */
    record Mount(Path merged, String line, List<String> seen, String mergedF3) {
    }

    static Mount mount(Path dir) {
        Path merged = dir.resolve("con-root/merged");
        return new Mount(merged, lineOf(hostTable(), merged), names(merged), text(merged.resolve("f3")));
    }

    static List<Checked> judgeMount(Mount f, Optional<String> prediction) {
        boolean ours = f.line() != null && f.line().contains(" - overlay overlay ")
                && f.line().contains("lowerdir=lower,upperdir=upper,workdir=work");
        boolean upperWins = F3_UPPER.equals(f.mergedF3());
        return List.of(
                Checked.claim(ours, M.get("mount.line", f.merged()), f.line() == null ? M.get("mount.none") : f.line()),
                Checked.claim(f.seen().equals(MERGED_NAMES), M.get("mount.seen"), String.valueOf(f.seen())),
                Predictions.judge(M.get("pregunta.f3-en-merged"), prediction,
                        Predictions.says(prediction.orElse(""), List.of("upper", "arriba"), List.of("lower", "abajo")),
                        M.get("mount.f3", f.mergedF3())));
    }

    // ---- § 3: which layer

    record WhichLayer(String mergedF3, String f3Layer, String f1Layer) {
    }

    static WhichLayer whichLayer(Path dir) {
        Path root = dir.resolve("con-root");
        HandOverlay overlay = HandOverlay.in(root);
        return new WhichLayer(text(root.resolve("merged/f3")), overlay.locate("/f3").layer(), overlay.locate("/f1").layer());
    }

    static List<Checked> judgeWhichLayer(WhichLayer f) {
        return List.of(Checked.claim(F3_UPPER.equals(f.mergedF3()), M.get("which.f3.read"), M.get("says", "merged/f3", f.mergedF3())),
                Checked.claim("upper".equals(f.f3Layer()), M.get("which.f3"), M.get("library.says", f.f3Layer())),
                Checked.claim("lower".equals(f.f1Layer()), M.get("which.f1"), M.get("library.says", f.f1Layer())));
    }

    // ---- § 4: a new file

    record NewFile(String upperF5, boolean inLower, String layer) {
    }

    static NewFile newFile(Path dir) {
        Path root = dir.resolve("con-root");
        return new NewFile(text(root.resolve("upper/f5")), Files.exists(root.resolve("lower/f5")), HandOverlay.in(root).locate("/f5").layer());
    }

    static List<Checked> judgeNewFile(NewFile f, Optional<String> prediction) {
        boolean up = F5.equals(f.upperF5());
        return List.of(Checked.claim(up, M.get("new.upper"), M.get("says", "upper/f5", f.upperF5())),
                Checked.claim(!f.inLower(), M.get("new.not.lower"), f.inLower() ? M.get("new.in.lower") : ""),
                Checked.claim("upper".equals(f.layer()), M.get("new.library"), M.get("library.says", f.layer())),
                Predictions.judge(M.get("pregunta.capa-de-f5"), prediction,
                        Predictions.says(prediction.orElse(""), List.of("upper", "arriba"), List.of("lower", "abajo")),
                        M.get("new.truth", up && !f.inLower() ? "upper" : "?")));
    }

    // ---- § 4: a whiteout

    /** @param mark what {@code upper/f2} is, if anything */
    record Whiteout(Optional<Entry> mark, String lowerF2, boolean inMerged, boolean libraryDeleted) {
    }

    static Whiteout whiteout(Path dir) {
        Path root = dir.resolve("con-root");
        return new Whiteout(lstat(root.resolve("upper/f2")), text(root.resolve("lower/f2")), lstat(root.resolve("merged/f2")).isPresent(),
                HandOverlay.in(root).locate("/f2").deleted());
    }

    static List<Checked> judgeWhiteout(Whiteout f, Optional<String> prediction) {
        boolean isMark = f.mark().map(e -> e.isCharacterDevice() && e.rdev() == 0).orElse(false);
        return List.of(Checked.claim(isMark, M.get("whiteout.mark"), describe(f.mark())),
                Checked.claim(F2.equals(f.lowerF2()), M.get("whiteout.lower"), M.get("says", "lower/f2", f.lowerF2())),
                Checked.claim(!f.inMerged(), M.get("whiteout.merged"), f.inMerged() ? M.get("whiteout.still") : ""),
                Checked.claim(f.libraryDeleted(), M.get("whiteout.library"), ""),
                Predictions.judge(M.get("pregunta.borrar-f2"), prediction,
                        Predictions.says(prediction.orElse(""), List.of("marca", "whiteout", "dispositivo"), List.of("nada")),
                        describe(f.mark())));
    }

    // ---- § 4: copy-up

    record CopyUp(List<String> upperF1, String lowerF1, long lowerBig, long upperBig) {
    }

    static CopyUp copyUp(Path dir) {
        Path root = dir.resolve("con-root");
        return new CopyUp(lines(root.resolve("upper/f1")), text(root.resolve("lower/f1")), size(root.resolve("lower/grande")),
                size(root.resolve("upper/grande")));
    }

    static List<Checked> judgeCopyUp(CopyUp f, Optional<String> prediction) {
        long line = (ONE_MORE_LINE + "\n").getBytes(StandardCharsets.UTF_8).length;
        boolean whole = f.lowerBig() == BIG && f.upperBig() == f.lowerBig() + line;
        return List.of(Checked.claim(f.upperF1().equals(List.of(F1, ONE_MORE_LINE)), M.get("copyup.f1"), String.valueOf(f.upperF1())),
                Checked.claim(F1.equals(f.lowerF1()), M.get("copyup.lower"), M.get("says", "lower/f1", f.lowerF1())),
                Checked.claim(whole, M.get("copyup.big"), M.get("copyup.big.evidence", f.upperBig(), f.lowerBig(), line)),
                Predictions.judge(M.get("pregunta.tamano-de-grande"), prediction,
                        Predictions.says(prediction.orElse(""), List.of("8", "entero", "mib", "megas"), List.of("16")),
                        M.get("copyup.truth", f.upperBig())));
    }

    // ---- § 5: opaque directories

    /** @param trustedOpaque {@code trusted.overlay.opaque} of {@code upper/dir} read as root, or {@code null} */
    record Opaque(String trustedOpaque, boolean oldInMerged, boolean oldInLower, boolean librarySeesTrusted, boolean libraryOpaque) {
    }

    static Opaque opaque(Path dir) {
        Path root = dir.resolve("con-root");
        CommandResult read = Commands.run(List.of("sudo", "-n", "python3", "-c",
                "import os,sys; print(os.getxattr(sys.argv[1], 'trusted.overlay.opaque').decode())", root.resolve("upper/dir").toString()));
        HandOverlay overlay = HandOverlay.in(root);
        return new Opaque(read.ok() ? read.out().strip() : null, Files.exists(root.resolve("merged/dir/viejo")),
                Files.exists(root.resolve("lower/dir/viejo")), overlay.seesTrustedMarks(), overlay.isOpaque("/dir"));
    }

    static List<Checked> judgeOpaque(Opaque f, Optional<String> prediction) {
        return List.of(Checked.claim("y".equals(f.trustedOpaque()), M.get("opaque.mark"), M.get("opaque.value", f.trustedOpaque())),
                Checked.claim(!f.oldInMerged() && f.oldInLower(), M.get("opaque.hidden"),
                        M.get("opaque.hidden.evidence", yes(f.oldInMerged()), yes(f.oldInLower()))),
                Checked.claim(!f.librarySeesTrusted() && !f.libraryOpaque(), M.get("opaque.library"),
                        f.librarySeesTrusted() ? M.get("opaque.as.root") : ""),
                Predictions.judge(M.get("pregunta.viejo-en-dir"), prediction,
                        Predictions.says(prediction.orElse(""), List.of("no"), List.of("si")),
                        M.get("opaque.truth", yes(f.oldInMerged()))));
    }

    // ---- § 6: several lowers

    record Lowers(String common, String commonLayer, String only3Layer) {
    }

    static Lowers lowers(Path dir) {
        Path d = dir.resolve("varias");
        HandOverlay overlay = HandOverlay.of(d.resolve("merged"), d.resolve("upper"), d.resolve("work"), d.resolve("lower1"),
                d.resolve("lower2"), d.resolve("lower3"));
        return new Lowers(text(d.resolve("merged/comun")), overlay.locate("/comun").layer(), overlay.locate("/solo3").layer());
    }

    static List<Checked> judgeLowers(Lowers f, Optional<String> prediction) {
        return List.of(Checked.claim("Soy de lower1".equals(f.common()), M.get("lowers.common"), M.get("says", "merged/comun", f.common())),
                Checked.claim("lower1".equals(f.commonLayer()), M.get("lowers.library"), M.get("library.says", f.commonLayer())),
                Checked.claim("lower3".equals(f.only3Layer()), M.get("lowers.only3"), M.get("library.says", f.only3Layer())),
                Predictions.judge(M.get("pregunta.comun"), prediction,
                        Predictions.says(prediction.orElse(""), List.of("1", "izquierda", "primera"), List.of("2", "3")),
                        M.get("says", "merged/comun", f.common())));
    }

    // ---- § 7: workdir on another file system

    /** @param exitCode what {@code sudo mount} answered with work on {@code /dev/shm} */
    record Workdir(String upperFs, String workFs, boolean sameFs, int exitCode, boolean leftMounted) {
    }

    static Workdir workdir(Path dir) {
        Path fail = dir.resolve("fallo");
        Path elsewhere = Path.of("/dev/shm/capas-01-" + System.getProperty("user.name"));
        try {
            var upper = Files.getFileStore(fail.resolve("upper"));
            var work = Files.getFileStore(elsewhere);
            CommandResult mount = Commands.run(List.of("sudo", "-n", "mount", "-t", "overlay", "overlay", "-o",
                    "lowerdir=" + fail.resolve("lower") + ",upperdir=" + fail.resolve("upper") + ",workdir=" + elsewhere,
                    fail.resolve("merged").toString()));
            boolean left = lineOf(hostTable(), fail.resolve("merged")) != null;
            return new Workdir(upper.type(), work.type(), upper.equals(work), mount.exitCode(), left);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Checked> judgeWorkdir(Workdir f, Optional<String> prediction) {
        return List.of(Checked.claim(!f.sameFs(), M.get("workdir.apart"), M.get("workdir.apart.evidence", f.upperFs(), f.workFs())),
                Checked.claim(f.exitCode() != 0 && !f.leftMounted(), M.get("workdir.refused"),
                        M.get("workdir.refused.evidence", f.exitCode(), yes(f.leftMounted()))),
                Predictions.judge(M.get("pregunta.workdir-en-otro"), prediction,
                        Predictions.says(prediction.orElse(""), List.of("no", "falla", "error", "niega"), List.of("si")),
                        M.get("workdir.truth", f.exitCode())));
    }

    // ---- Para saber más: mounting without root

    /**
     * @param kernel          {@code os.version}
     * @param inside          the mount's line inside {@code podman unshare}, or {@code null}
     * @param plainMountExit  {@code mount} as the user, in the host's namespaces
     * @param noUserxattrExit removing a lower directory in a user namespace mount without {@code userxattr}
     * @param mark            what {@code upper/f2} is, if anything
     */
    record Rootless(String kernel, boolean hostSees, String inside, int plainMountExit, int noUserxattrExit, Optional<Entry> mark,
            int myUid, boolean opaque, boolean oldVisible, boolean f2Deleted) {
    }

    static Rootless rootless(Path dir) {
        Path d = dir.resolve("sin-root");
        Path merged = d.resolve("merged");
        CommandResult table = Commands.run(List.of("podman", "unshare", "cat", "/proc/self/mountinfo"));
        int plain = Commands.run(List.of("mount", "-t", "overlay", "overlay", "-o", "lowerdir=/nada,upperdir=/nada,workdir=/nada",
                merged.toString())).exitCode();
        Path test = dir.resolve("sin-userxattr-comprueba");
        try {
            for (String sub : List.of("lower/dir", "upper", "work", "merged")) {
                Files.createDirectories(test.resolve(sub));
            }
            Files.writeString(test.resolve("lower/dir/viejo"), "Un fichero viejo\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int noUserxattr = Commands.run(List.of("unshare", "-rm", "sh", "-c",
                "cd \"$1\" && mount -t overlay overlay -o lowerdir=lower,upperdir=upper,workdir=work merged && rm -r merged/dir", "sh",
                test.toString())).exitCode();
        HandOverlay overlay = HandOverlay.in(d);
        return new Rootless(System.getProperty("os.version"), lineOf(hostTable(), merged) != null,
                table.ok() ? lineOf(table.out().lines().toList(), merged) : null, plain, noUserxattr, lstat(d.resolve("upper/f2")),
                Posix.uid(), overlay.isOpaque("/dir"), overlay.locate("/dir/viejo").present(), overlay.locate("/f2").deleted());
    }

    static List<Checked> judgeRootless(Rootless f, Optional<String> prediction) {
        String[] v = f.kernel().split("[.-]");
        boolean recent = v.length > 1 && (Integer.parseInt(v[0]) > 5 || Integer.parseInt(v[0]) == 5 && Integer.parseInt(v[1]) >= 11);
        boolean isMark = f.mark().map(e -> e.isCharacterDevice() && e.rdev() == 0).orElse(false);
        int owner = f.mark().map(Entry::uid).orElse(-1);
        return List.of(Checked.claim(recent, M.get("rootless.kernel"), f.kernel()),
                Checked.claim(!f.hostSees(), M.get("rootless.host"), f.hostSees() ? M.get("rootless.host.sees") : ""),
                Checked.claim(f.inside() != null && f.inside().contains("userxattr"), M.get("rootless.inside"),
                        f.inside() == null ? M.get("mount.none") : f.inside()),
                Checked.claim(f.plainMountExit() != 0, M.get("rootless.plain"), M.get("exit.code", f.plainMountExit())),
                Checked.claim(f.noUserxattrExit() != 0, M.get("rootless.no.userxattr"), M.get("exit.code", f.noUserxattrExit())),
                Checked.claim(isMark && owner == f.myUid(), M.get("rootless.mark", f.myUid()), describe(f.mark())),
                Checked.claim(f.opaque() && !f.oldVisible() && f.f2Deleted(), M.get("rootless.library"),
                        M.get("rootless.library.evidence", yes(f.opaque()), yes(f.oldVisible()), yes(f.f2Deleted()))),
                Predictions.judge(M.get("pregunta.dueno-de-la-marca"), prediction,
                        Predictions.says(prediction.orElse(""), List.of("yo", "mi", "tu", "usuario", "alumno", System.getProperty("user.name")),
                                List.of("root")),
                        M.get("rootless.truth", owner)));
    }

    // ---- clean-up

    record CleanUp(Path dir, boolean exists, List<String> hostMounts, List<String> namespaceMounts) {
    }

    static CleanUp cleanUp(Path dir) {
        CommandResult inside = Commands.run(List.of("podman", "unshare", "cat", "/proc/self/mountinfo"));
        return new CleanUp(dir, Files.exists(dir), mountedUnder(hostTable(), dir),
                inside.ok() ? mountedUnder(inside.out().lines().toList(), dir) : List.of(M.get("clean.unshare.failed", inside.err())));
    }

    static List<Checked> judgeCleanUp(CleanUp f) {
        return List.of(Checked.claim(f.hostMounts().isEmpty() && f.namespaceMounts().isEmpty(), M.get("clean.unmounted", f.dir()),
                        String.join(", ", Stream.concat(f.hostMounts().stream(), f.namespaceMounts().stream()).toList())),
                Checked.claim(!f.exists(), M.get("clean.removed", f.dir()), f.exists() ? M.get("fresh.exists") : ""));
    }

    // ---- reading the machine

    private static String yes(boolean b) {
        return M.get(b ? "yes" : "no");
    }

    private static String describe(Optional<Entry> e) {
        if (e.isEmpty()) {
            return M.get("entry.none");
        }
        Entry x = e.get();
        if (x.isCharacterDevice()) {
            return M.get("entry.chardev", x.rdev() >> 8, x.rdev() & 0xff, x.uid());
        }
        return M.get("entry.other", x.permissions(), x.uid());
    }

    static List<String> hostTable() {
        try {
            return Files.readAllLines(capas.os.Mount.SELF);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line of {@code mountPoint} in a mountinfo table (shown to the student as it is), or {@code null}. */
    static String lineOf(List<String> table, Path mountPoint) {
        return table.stream().filter(l -> capas.os.Mount.parse(l).filter(m -> m.mountPoint().equals(mountPoint.toString())).isPresent())
                .findFirst().orElse(null);
    }

    /** The mount points of a mountinfo table inside {@code dir}. */
    static List<String> mountedUnder(List<String> table, Path dir) {
        // The lesson names its own record Mount: the one mountinfo parser is spelled out.
        return capas.os.Mount.parse(table).stream().map(capas.os.Mount::mountPoint).filter(p -> p.startsWith(dir + "/")).toList();
    }

    private static String text(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file).strip() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static List<String> names(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of("?");
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of("?");
        }
    }

    private static Optional<Entry> lstat(Path path) {
        try {
            return Entry.lstat(path);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
