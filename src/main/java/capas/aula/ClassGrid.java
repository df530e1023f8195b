package capas.aula;

import capas.Messages;
import capas.progress.ProgressSummary;
import capas.render.TableView;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The class at a glance: for every student (account with rol alumno), one row per notebook of
 * their record of progress, summarised by {@link ProgressSummary} as {@code ./lab progreso}
 * does for one student. The teacher's panel shows it and exports it as CSV; it never reads a
 * record itself.
 *
 * <p>Long format, one row per student × notebook with entries; a student with none gets one row
 * with an empty notebook: counts 0 when there is no record yet, counts empty when the record
 * could not be read (then {@link #problems()} says why).
 *
 * <pre>{@code
 * ClassGrid grid = ClassGrid.of(Accounts.read(file), student -> Optional.of(homeOf(student)));
 * System.out.print(grid.csv());
 * }</pre>
 */
public final class ClassGrid {
    /** The CSV's header: names for scripts and the panel, stable whatever the Spanish table says. */
    public static final List<String> CSV_HEADER = List.of("alumno", "cuaderno", "comprobados", "correctos", "pistas", "soluciones",
            "predicciones", "predicciones_acertadas", "ultima_actividad");
    private static final Messages M = Messages.of(ClassGrid.class);
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /**
     * Where each student's home is on the host.
     *
     * <p>On the server, the student's disk ({@code capas.aula.servidor.StudentDisk}); tests give folders of their own.
     */
    public interface Homes {
        /** The student's home folder, or empty when the student has no disk yet. */
        Optional<Path> home(String student);
    }

    /**
     * One row.
     *
     * @param notebook   empty for a student with no entry
     * @param lastActive the last entry of this notebook; {@code null} when none
     * @param readable   whether the student's record could be read (the counts mean nothing otherwise)
     */
    public record Row(String student, String notebook, int checked, int passed, int hints, int solutions, int predictions,
            int predictionsRight, Instant lastActive, boolean readable) {
    }

    /** A student whose record could not be read, and why (Spanish). */
    public record Problem(String student, String reason) {
    }

    private final List<Row> rows;
    private final List<Problem> problems;

    private ClassGrid(List<Row> rows, List<Problem> problems) {
        this.rows = List.copyOf(rows);
        this.problems = List.copyOf(problems);
    }

    /** The grid of {@code accounts}' students, by name, each record found through {@code homes}. */
    public static ClassGrid of(Accounts accounts, Homes homes) {
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<Accounts.Account> students = accounts.students().stream().sorted(Comparator.comparing(Accounts.Account::name)).toList();
        for (Accounts.Account student : students) {
            String name = student.name();
            Optional<Path> home = homes.home(name);
            StudentRecord.Read read = home.map(StudentRecord::read).orElseGet(StudentRecord.Read::none);
            read.problem().ifPresent(why -> problems.add(new Problem(name, why)));
            ProgressSummary summary = ProgressSummary.of(read.entries());
            if (summary.isEmpty()) {
                rows.add(new Row(name, "", 0, 0, 0, 0, 0, 0, null, read.problem().isEmpty()));
                continue;
            }
            for (ProgressSummary.Notebook n : summary.notebooks()) {
                int hints = n.steps().stream().mapToInt(ProgressSummary.Step::hints).sum();
                int solutions = (int) n.steps().stream().filter(ProgressSummary.Step::solutionShown).count();
                Instant last = n.steps().stream().map(ProgressSummary.Step::lastTime).max(Comparator.naturalOrder()).orElse(null);
                rows.add(new Row(name, shortName(n.notebook()), n.checked(), n.passed(), hints, solutions, n.predictions(), n.predictionsRight(),
                        last, true));
            }
        }
        return new ClassGrid(rows, problems);
    }

    private static final java.util.regex.Pattern PRACTICA = java.util.regex.Pattern.compile("(p[0-9]+)-.+");

    /**
     * A notebook as the teacher names it: the lessons by number ({@code 03}), the prácticas by
     * theirs ({@code p1}, where the record says {@code p1-overlay-a-mano}).
     */
    static String shortName(String notebook) {
        java.util.regex.Matcher m = PRACTICA.matcher(notebook);
        return m.matches() ? m.group(1) : notebook;
    }

    public List<Row> rows() {
        return rows;
    }

    /** The students whose record could not be read: a symlink in the way, not a file, too big. */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * The grid as CSV (RFC 4180, header {@link #CSV_HEADER}, {@code \n} line ends), the last
     * activity as the record has it (ISO 8601, UTC).
     */
    public String csv() {
        StringBuilder csv = new StringBuilder();
        csvLine(csv, CSV_HEADER);
        for (Row r : rows) {
            csvLine(csv, cells(r, r.lastActive() == null ? "" : r.lastActive().toString()));
        }
        return csv.toString();
    }

    /** The grid as a table a person reads: Spanish headers, local time to the minute. */
    public TableView table(ZoneId zone) {
        List<List<String>> cells = new ArrayList<>();
        for (Row r : rows) {
            cells.add(cells(r, r.lastActive() == null ? "" : LOCAL_TIME.format(r.lastActive().atZone(zone))));
        }
        return new TableView(M.get("grid.caption"), List.of(M.get("grid.header.student"), M.get("grid.header.notebook"),
                M.get("grid.header.checked"), M.get("grid.header.passed"), M.get("grid.header.hints"), M.get("grid.header.solutions"),
                M.get("grid.header.predictions"), M.get("grid.header.predictions.right"), M.get("grid.header.last")), cells);
    }

    private static List<String> cells(Row r, String time) {
        if (!r.readable()) {
            return List.of(r.student(), r.notebook(), "", "", "", "", "", "", time);
        }
        return List.of(r.student(), r.notebook(), String.valueOf(r.checked()), String.valueOf(r.passed()), String.valueOf(r.hints()),
                String.valueOf(r.solutions()), String.valueOf(r.predictions()), String.valueOf(r.predictionsRight()), time);
    }

    private static void csvLine(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            // A notebook's name comes from the student's own file: a spreadsheet must not run it as a formula.
            if (!c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0) {
                c = "'" + c;
            }
            if (i > 0) {
                csv.append(',');
            }
            boolean quoted = c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r");
            csv.append(quoted ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        csv.append('\n');
    }
}
