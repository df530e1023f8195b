package capas.practica.catalog;

import capas.CapasException;
import capas.Env;
import capas.Messages;
import capas.Mode;
import capas.context.MountPoint;
import capas.lab.Capas;
import capas.lab.HandOverlay;
import capas.lab.OverlayLocation;
import capas.os.Commands;
import capas.os.Entry;
import capas.practica.PracticaDefinition;
import capas.practica.Task;
import capas.practica.Verdict;
import capas.store.OverlayMount;
import capas.store.Whiteouts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Práctica 1, "Un overlay a mano": in {@code ~/capas-p1} the student predicts which folder
 * serves a file of {@code merged}, mounts the overlay rootless (inside {@code podman unshare},
 * with {@code userxattr}), predicts and then makes a copy-up, a whiteout and an opaque
 * directory, and unmounts and removes it all. No podman object is made: the checks read the
 * folders on disk and the two mount tables (the host's and {@code podman unshare}'s), never a
 * field, so a restarted kernel judges the same way.
 */
public final class OverlayByHand implements PracticaDefinition {
    static final String ID = "p1-overlay-a-mano";
    static final String DIR = "capas-p1";
    static final String LOWER1 = "lower1";
    static final String LOWER2 = "lower2";
    static final String UPPER = "upper";
    static final String WORK = "work";
    static final String MERGED = "merged";
    /** What {@code lower2/notas.txt} holds: the copy-up check compares the upper copy with it. */
    static final String NOTES = "Notas de lower2, línea 1\nNotas de lower2, línea 2\nNotas de lower2, línea 3\n";
    private static final Messages M = Messages.forClass(OverlayByHand.class);

    @Override
    public String id() {
        return ID;
    }

    /** Rootless: the overlay is mounted inside {@code podman unshare}, with {@code userxattr}. */
    @Override
    public Mode mode() {
        return Mode.ROOTLESS;
    }

    static Path dir() {
        return Env.home().resolve(DIR);
    }

    private static Path merged() {
        return dir().resolve(MERGED);
    }

    @Override
    public String prepare(Capas lab) {
        Path dir = dir();
        Path merged = merged();
        // An earlier run may have left it mounted: as root on the host (a wrong answer) or in podman unshare.
        Commands.run(List.of("sh", "-c", "while mountpoint -q \"$1\" 2>/dev/null; do sudo -n umount \"$1\" || break; done",
                "sh", merged.toString()));
        Commands.run(List.of("podman", "unshare", "sh", "-c",
                "while mountpoint -q \"$1\" 2>/dev/null; do umount \"$1\" || break; done", "sh", merged.toString()));
        if (!mountedUnder(lab.mounts().host(), dir).isEmpty() || !mountedUnder(lab.mounts().namespace(), dir).isEmpty()) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("prepare.still.mounted", dir));
        }
        if (Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            // Inside podman unshare we may remove what the overlay wrote (work/work has no permissions for anyone).
            Commands.run(List.of("podman", "unshare", "rm", "-rf", "--one-file-system", dir.toString()));
        }
        if (Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            // A rootful mount (a wrong answer) leaves root's files.
            Commands.run(List.of("sudo", "-n", "rm", "-rf", "--one-file-system", dir.toString()));
        }
        if (Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("prepare.not.removed", dir));
        }
        try {
            for (String folder : List.of(LOWER1, LOWER2, UPPER, WORK, MERGED)) {
                Files.createDirectories(dir.resolve(folder));
            }
            write(dir.resolve(LOWER1).resolve("saludo.txt"), "Hola desde lower1\n");
            write(dir.resolve(LOWER2).resolve("saludo.txt"), "Hola desde lower2\n");
            write(dir.resolve(LOWER2).resolve("notas.txt"), NOTES);
            write(dir.resolve(LOWER1).resolve("viejo.txt"), "Un fichero viejo de lower1\n");
            Files.createDirectories(dir.resolve(LOWER1).resolve("datos"));
            Files.createDirectories(dir.resolve(LOWER2).resolve("datos"));
            write(dir.resolve(LOWER1).resolve("datos").resolve("a.txt"), "a, de lower1\n");
            write(dir.resolve(LOWER2).resolve("datos").resolve("b.txt"), "b, de lower2\n");
            write(dir.resolve(UPPER).resolve("propio.txt"), "Sólo en upper\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return M.get("prepare.done", dir);
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Override
    public Map<Integer, Task> tasks(Capas lab) {
        Map<Integer, Task> tasks = new LinkedHashMap<>();
        tasks.put(1, OverlayByHand::whichLayer);
        tasks.put(2, answer -> mounted(lab));
        tasks.put(3, OverlayByHand::predictCopyUp);
        tasks.put(4, answer -> copiedUp());
        tasks.put(5, OverlayByHand::predictWhiteout);
        tasks.put(6, answer -> whitedOut());
        tasks.put(7, OverlayByHand::predictOpaque);
        tasks.put(8, answer -> opaque());
        tasks.put(9, answer -> cleanedUp(lab));
        return tasks;
    }

    /** The overlay as the práctica mounts it: {@code lowerdir=lower1:lower2}, so lower1 on top of lower2. */
    private static HandOverlay overlay() {
        Path dir = dir();
        return HandOverlay.of(dir.resolve(MERGED), dir.resolve(UPPER), dir.resolve(WORK), dir.resolve(LOWER1), dir.resolve(LOWER2));
    }

    private static String text(Object answer) {
        return answer == null ? "" : answer.toString().strip().replaceFirst("/+$", "").toLowerCase(Locale.ROOT);
    }

    private static Verdict whichLayer(Object answer) {
        String given = text(answer);
        OverlayLocation where = overlay().locate("/saludo.txt");
        if (!where.present()) {
            return Verdict.wrong(1, M.get("layer.gone"));
        }
        String right = where.folder().getFileName().toString();
        if (given.isEmpty()) {
            return Verdict.wrong(1, M.get("layer.empty"));
        }
        if (given.equals(right)) {
            return Verdict.right(1, M.get("layer.ok", right), where.host().toString());
        }
        if (given.equals(LOWER2) && right.equals(LOWER1)) {
            return Verdict.wrong(1, M.get("layer.lower2"));
        }
        if (given.equals(UPPER)) {
            return Verdict.wrong(1, M.get("layer.upper"));
        }
        if (given.equals(MERGED)) {
            return Verdict.wrong(1, M.get("layer.merged"));
        }
        return Verdict.wrong(1, M.get("layer.unknown"));
    }

    private static Verdict mounted(Capas lab) {
        String merged = merged().toString();
        if (lab.mounts().hostOverlays().stream().anyMatch(m -> m.mergedDir().equals(merged))) {
            return Verdict.wrong(2, M.get("mount.host"));
        }
        List<OverlayMount> inside = lab.mounts().namespaceOverlays().stream().filter(m -> m.mergedDir().equals(merged)).toList();
        if (inside.isEmpty()) {
            return Verdict.wrong(2, M.get("mount.none"));
        }
        // Stacked mounts: the last one listed is the one merged shows.
        OverlayMount m = inside.get(inside.size() - 1);
        List<String> lowers = m.lowerDirs().stream().map(OverlayByHand::name).toList();
        if (lowers.equals(List.of(LOWER2, LOWER1))) {
            return Verdict.wrong(2, M.get("mount.order"), M.get("mount.lowers", String.join(":", m.lowerDirs())));
        }
        if (!lowers.equals(List.of(LOWER1, LOWER2))) {
            return Verdict.wrong(2, M.get("mount.lowers.other"), M.get("mount.lowers", String.join(":", m.lowerDirs())));
        }
        if (m.upperDir() == null || !name(m.upperDir()).equals(UPPER) || m.workDir() == null || !name(m.workDir()).equals(WORK)) {
            return Verdict.wrong(2, M.get("mount.upper"));
        }
        if (!m.options().contains("userxattr")) {
            return Verdict.wrong(2, M.get("mount.userxattr"));
        }
        String detail = M.get("mount.lowers", String.join(":", m.lowerDirs()));
        return inside.size() > 1 ? Verdict.right(2, M.get("mount.ok.stacked", inside.size()), detail) : Verdict.right(2, M.get("mount.ok"), detail);
    }

    private static String name(String folder) {
        Path p = Path.of(folder).getFileName();
        return p == null ? folder : p.toString();
    }

    private static Verdict predictCopyUp(Object answer) {
        String given = text(answer);
        OverlayLocation where = overlay().locate("/notas.txt");
        String now = where.present() ? where.folder().getFileName().toString() : "";
        if (given.equals(UPPER)) {
            return Verdict.right(3, M.get("predict.copy.ok"), M.get("predict.copy.now", now));
        }
        if (given.equals(LOWER2) || given.equals(LOWER1)) {
            return Verdict.wrong(3, M.get("predict.copy.lower"));
        }
        if (given.equals(MERGED)) {
            return Verdict.wrong(3, M.get("predict.copy.merged"));
        }
        return Verdict.wrong(3, M.get("predict.folder"));
    }

    private static Verdict copiedUp() {
        Path dir = dir();
        Path lower = dir.resolve(LOWER2).resolve("notas.txt");
        Path upper = dir.resolve(UPPER).resolve("notas.txt");
        Optional<String> original = read(lower);
        if (original.isEmpty() || !original.get().equals(NOTES)) {
            return Verdict.wrong(4, M.get("copy.lower.changed"), lower.toString());
        }
        Optional<Entry> entry = lstat(upper);
        if (entry.isEmpty()) {
            return Verdict.wrong(4, M.get("copy.not.yet"));
        }
        if (!entry.get().isRegularFile()) {
            return Verdict.wrong(4, M.get("copy.not.file"), upper.toString());
        }
        String copy = read(upper).orElse("");
        if (!copy.startsWith(NOTES)) {
            return Verdict.wrong(4, M.get("copy.not.whole"), upper.toString());
        }
        if (copy.equals(NOTES)) {
            return Verdict.wrong(4, M.get("copy.unchanged"), upper.toString());
        }
        return Verdict.right(4, M.get("copy.ok"), upper.toString(), M.get("copy.original", lower));
    }

    private static Verdict predictWhiteout(Object answer) {
        return switch (text(answer)) {
            case "c" -> Verdict.right(5, M.get("predict.whiteout.ok"));
            case "a" -> Verdict.wrong(5, M.get("predict.whiteout.a"));
            case "b" -> Verdict.wrong(5, M.get("predict.whiteout.b"));
            case "d" -> Verdict.wrong(5, M.get("predict.whiteout.d"));
            default -> Verdict.wrong(5, M.get("predict.letter"));
        };
    }

    private static Verdict whitedOut() {
        Path dir = dir();
        Path lower = dir.resolve(LOWER1).resolve("viejo.txt");
        Path upper = dir.resolve(UPPER).resolve("viejo.txt");
        Optional<Entry> mark = lstat(upper);
        boolean lowerThere = lstat(lower).isPresent();
        if (mark.isPresent() && Whiteouts.isWhiteout(mark.get())) {
            if (!lowerThere) {
                return Verdict.wrong(6, M.get("whiteout.lower.gone"), lower.toString());
            }
            return Verdict.right(6, M.get("whiteout.ok"), M.get("whiteout.mark", upper), M.get("copy.original", lower));
        }
        if (!lowerThere) {
            return Verdict.wrong(6, M.get("whiteout.lower.gone"), lower.toString());
        }
        if (mark.isPresent()) {
            return Verdict.wrong(6, M.get("whiteout.not.mark"), upper.toString());
        }
        return Verdict.wrong(6, M.get("whiteout.not.yet"));
    }

    private static Verdict predictOpaque(Object answer) {
        return switch (text(answer)) {
            case "a" -> Verdict.right(7, M.get("predict.opaque.ok"));
            case "b" -> Verdict.wrong(7, M.get("predict.opaque.b"));
            case "c" -> Verdict.wrong(7, M.get("predict.opaque.c"));
            default -> Verdict.wrong(7, M.get("predict.letter"));
        };
    }

    private static Verdict opaque() {
        Path dir = dir();
        Path a = dir.resolve(LOWER1).resolve("datos").resolve("a.txt");
        Path b = dir.resolve(LOWER2).resolve("datos").resolve("b.txt");
        if (lstat(a).isEmpty() || lstat(b).isEmpty()) {
            return Verdict.wrong(8, M.get("opaque.lower.gone"));
        }
        Path upper = dir.resolve(UPPER).resolve("datos");
        Optional<Entry> entry = lstat(upper);
        if (entry.isEmpty()) {
            return Verdict.wrong(8, M.get("opaque.not.yet"));
        }
        if (Whiteouts.isWhiteout(entry.get())) {
            return Verdict.wrong(8, M.get("opaque.deleted.only"));
        }
        if (!entry.get().isDirectory()) {
            return Verdict.wrong(8, M.get("opaque.not.dir"), upper.toString());
        }
        if (!overlay().isOpaque("/datos")) {
            return Verdict.wrong(8, M.get("opaque.not.opaque"), upper.toString());
        }
        return Verdict.right(8, M.get("opaque.ok"), upper.toString(), M.get("copy.original", a), M.get("copy.original", b));
    }

    private static Verdict cleanedUp(Capas lab) {
        Path dir = dir();
        List<String> host = mountedUnder(lab.mounts().host(), dir);
        if (!host.isEmpty()) {
            return Verdict.wrong(9, M.get("clean.host"), host.toArray(String[]::new));
        }
        List<String> inside = mountedUnder(lab.mounts().namespace(), dir);
        if (!inside.isEmpty()) {
            return Verdict.wrong(9, M.get("clean.inside"), inside.toArray(String[]::new));
        }
        if (Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return Verdict.wrong(9, M.get("clean.folder", dir));
        }
        return Verdict.right(9, M.get("clean.ok", dir));
    }

    /** The mount points at or under {@code dir} in a mount table. */
    private static List<String> mountedUnder(List<MountPoint> mounts, Path dir) {
        String root = dir.toString();
        return mounts.stream().map(MountPoint::mountPoint).filter(p -> p.equals(root) || p.startsWith(root + "/")).toList();
    }

    private static Optional<Entry> lstat(Path path) {
        try {
            return Entry.lstat(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> read(Path file) {
        Optional<Entry> entry = lstat(file);
        if (entry.isEmpty() || !entry.get().isRegularFile()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
