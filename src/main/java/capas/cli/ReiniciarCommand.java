package capas.cli;

import capas.CapasException;
import capas.Messages;
import capas.leccion.LessonCatalog;
import capas.practica.PracticaCatalog;
import capas.progress.Action;
import capas.progress.ProgressEntry;
import capas.progress.ProgressLog;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code java -jar capas.jar reiniciar <cuaderno> --desde <checkout original> [--en <checkout del alumno>]}:
 * starts one lesson or práctica again for the student who runs it (in a classroom, the teacher's
 * panel runs it inside the student's container as the student).
 *
 * <p>The student's notebook is never deleted: it moves to {@code notebooks/.copias/<nombre>-<fecha>.ipynb}
 * and the pristine one is copied in its place. What the lesson created in the stores goes as
 * with {@code ./lab limpiar <lección>}, and a {@link Action#RESET} line in the student's record
 * makes the summaries forget that notebook's earlier lines.
 */
public final class ReiniciarCommand {
    /** Where the student's earlier copies go, below the checkout. */
    static final Path COPIES = Path.of("notebooks", ".copias");
    private static final Messages M = Messages.of(ReiniciarCommand.class);
    private static final String NOTEBOOK = ".ipynb";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private ReiniciarCommand() {
    }

    static int run(String[] args) {
        String given = null;
        Path pristine = null;
        Path checkout = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--desde" -> pristine = i + 1 < args.length ? Path.of(args[++i]) : null;
                case "--en" -> checkout = i + 1 < args.length ? Path.of(args[++i]) : null;
                default -> {
                    if (given != null || args[i].startsWith("--")) {
                        throw usage();
                    }
                    given = args[i];
                }
            }
        }
        if (given == null || pristine == null) {
            throw usage();
        }
        reset(given, pristine, checkout == null ? Checkout.root() : checkout, ProgressLog.ofThisUser(), LimpiarCommand::lesson,
                Clock.systemDefaultZone(), System.out);
        return 0;
    }

    private static CapasException usage() {
        return new CapasException(CapasException.Kind.ENVIRONMENT, M.get("reiniciar.usage"));
    }

    /**
     * Resets the notebook {@code given} names in {@code checkout} from {@code pristine}.
     *
     * @param given    a lesson or práctica id ({@code 03}, {@code p1}) or a notebook's file name
     * @param cleaner  removes what a lesson created in the stores, given its id ({@code ./lab limpiar <lección>})
     * @return where the student's copy went, or {@code null} when there was none
     */
    static Path reset(String given, Path pristine, Path checkout, ProgressLog record, Consumer<String> cleaner, Clock clock,
            PrintStream out) {
        if (!Files.isDirectory(pristine.resolve("notebooks")) && !Files.isDirectory(pristine.resolve("labs"))) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("reiniciar.not.checkout", pristine));
        }
        if (sameFolder(pristine, checkout)) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("reiniciar.same", checkout), M.get("reiniciar.same.hint"));
        }
        Path original = find(given, pristine);
        String lesson = Lessons.idOf(original.getFileName().toString());
        Path relative = pristine.relativize(original);
        Path copy = checkout.resolve(relative);

        cleaner.accept(lesson);
        Path kept = null;
        try {
            if (Files.exists(copy, LinkOption.NOFOLLOW_LINKS)) {
                kept = backup(copy, checkout.resolve(COPIES), clock);
            }
            Files.createDirectories(copy.getParent());
            Files.copy(original, copy);
        } catch (IOException e) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("reiniciar.failed", copy, e.getMessage()));
        }
        for (String notebook : recordKeys(lesson, record)) {
            record.keep(new ProgressEntry(clock.instant(), notebook, "", Action.RESET, null, 0, ""));
        }
        out.println(kept == null ? M.get("reiniciar.done.fresh", relative) : M.get("reiniciar.done", relative, checkout.relativize(kept)));
        return kept;
    }

    private static boolean sameFolder(Path a, Path b) {
        try {
            return Files.isDirectory(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** The one pristine notebook {@code given} names, in {@code notebooks/} or {@code labs/}. */
    static Path find(String given, Path pristine) {
        List<Path> all = notebooks(pristine);
        String file = Path.of(given).getFileName() == null ? given : Path.of(given).getFileName().toString();
        List<Path> exact = all.stream().filter(p -> p.getFileName().toString().equals(file)).toList();
        String id = Lessons.idOf(given);
        List<Path> matches = exact.isEmpty() ? all.stream().filter(p -> Lessons.idOf(p.getFileName().toString()).equals(id)).toList() : exact;
        if (matches.size() == 1) {
            return matches.get(0);
        }
        List<String> names = all.stream().map(p -> p.getFileName().toString()).toList();
        if (matches.isEmpty()) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("reiniciar.unknown", given, pristine),
                    M.get("reiniciar.unknown.hint", String.join(" ", names)));
        }
        throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("reiniciar.ambiguous", given,
                String.join(" ", matches.stream().map(p -> p.getFileName().toString()).toList())));
    }

    /** The regular {@code *.ipynb} files directly in {@code notebooks/} and {@code labs/} (not through the {@code practicas} link). */
    private static List<Path> notebooks(Path checkout) {
        List<Path> found = new ArrayList<>();
        for (String dir : List.of("notebooks", "labs")) {
            Path folder = checkout.resolve(dir);
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(f -> f.getFileName().toString().endsWith(NOTEBOOK) && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                        .sorted().forEach(found::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    /** Moves {@code copy} to {@code copies}, named after it and the time, never over an earlier copy. */
    private static Path backup(Path copy, Path copies, Clock clock) throws IOException {
        Files.createDirectories(copies);
        String name = copy.getFileName().toString();
        String base = name.endsWith(NOTEBOOK) ? name.substring(0, name.length() - NOTEBOOK.length()) : name;
        String stamp = STAMP.format(LocalDateTime.now(clock));
        Path target = copies.resolve(base + "-" + stamp + NOTEBOOK);
        for (int n = 2; Files.exists(target, LinkOption.NOFOLLOW_LINKS); n++) {
            target = copies.resolve(base + "-" + stamp + "-" + n + NOTEBOOK);
        }
        return Files.move(copy, target);
    }

    /**
     * The names this lesson's lines have in the record: the lesson's or práctica's id as the
     * catalogues give it ({@code 03}, {@code p1-overlay-a-mano}), and any other name in the
     * record for the same lesson (a práctica renamed since), so that none of them still counts.
     */
    private static Set<String> recordKeys(String lesson, ProgressLog record) {
        Set<String> keys = new TreeSet<>();
        LessonCatalog.ids().stream().filter(id -> PracticaCatalog.lessonOf(id).equals(lesson)).forEach(keys::add);
        PracticaCatalog.ids().stream().filter(id -> PracticaCatalog.lessonOf(id).equals(lesson)).forEach(keys::add);
        record.read().stream().map(ProgressEntry::notebook).filter(n -> PracticaCatalog.lessonOf(n).equals(lesson)).forEach(keys::add);
        if (keys.isEmpty()) {
            keys.add(lesson);
        }
        return keys;
    }
}
