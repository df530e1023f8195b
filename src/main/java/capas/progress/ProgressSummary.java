package capas.progress;

import capas.Messages;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a record says, step by step: the last verdict, how many attempts, hints and whether the
 * solution was shown. The read side of {@link ProgressLog}, with no store, renderer or Jupyter
 * behind it, so that {@code ./lab progreso}, the student's own notebook and a classroom server
 * reading each student's file summarize the same way.
 *
 * <pre>{@code
 * var summary = ProgressSummary.of(ProgressLog.ofThisUser().read());
 * summary.notebooks().forEach(n -> System.out.println(n.summary()));   // 03: 6 de 8 comprobaciones bien
 * System.out.print(summary.csv());
 * }</pre>
 */
public final class ProgressSummary {
    private static final Messages M = Messages.of(ProgressSummary.class);
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /**
     * One step of one notebook, as the record left it.
     *
     * @param notebook      the lesson ({@code 03}) or práctica ({@code p3-donde-esta-tu-fichero})
     * @param step          the lesson's check or the práctica's task number
     * @param lastVerdict   the verdict of the last check; {@code null} when never checked
     * @param attempts      how many times it was checked
     * @param hints         the most hints seen at once (a restarted kernel starts again from the first)
     * @param solutionShown whether the solution was asked for
     * @param lastTime      the last line of this step, whatever it was
     */
    public record Step(String notebook, String step, Boolean lastVerdict, int attempts, int hints, boolean solutionShown,
            Instant lastTime) {
    }

    /**
     * One notebook's steps, in its own order (tasks by number, lesson checks as first done).
     *
     * @param predictions        predictions written down
     * @param predictionsRight   of them, how many came true
     */
    public record Notebook(String notebook, List<Step> steps, int predictions, int predictionsRight) {
        public Notebook {
            steps = List.copyOf(steps);
        }

        /** Steps checked at least once. */
        public int checked() {
            return (int) steps.stream().filter(s -> s.attempts() > 0).count();
        }

        /** Steps whose last check was right. */
        public int passed() {
            return (int) steps.stream().filter(s -> Boolean.TRUE.equals(s.lastVerdict())).count();
        }

        /** One Spanish line: «03: 6 de 8 comprobaciones bien», and the predictions when there were any. */
        public String summary() {
            String line = M.get("progress.summary", notebook, passed(), checked());
            return predictions == 0 ? line : line + M.get("progress.summary.predictions", predictionsRight, predictions);
        }
    }

    private final List<Notebook> notebooks;
    private final ZoneId zone;

    private ProgressSummary(List<Notebook> notebooks, ZoneId zone) {
        this.notebooks = List.copyOf(notebooks);
        this.zone = zone;
    }

    /** The summary of {@code entries}, times shown in this machine's zone. */
    public static ProgressSummary of(List<ProgressEntry> entries) {
        return of(entries, ZoneId.systemDefault());
    }

    /**
     * The summary of {@code entries} (in the order written), times shown in {@code zone}. A
     * {@link Action#RESET} line makes its notebook's earlier lines not count: a notebook whose
     * last line is a reset is not listed.
     */
    public static ProgressSummary of(List<ProgressEntry> entries, ZoneId zone) {
        Map<String, Map<String, List<ProgressEntry>>> byNotebook = new TreeMap<>();
        for (ProgressEntry e : entries) {
            if (e.action() == Action.RESET) {
                // A reset notebook starts again: what came before it is forgotten, and the reset itself is no step.
                byNotebook.remove(e.notebook());
                continue;
            }
            byNotebook.computeIfAbsent(e.notebook(), n -> new LinkedHashMap<>()).computeIfAbsent(e.step(), s -> new ArrayList<>()).add(e);
        }
        List<Notebook> notebooks = new ArrayList<>();
        byNotebook.forEach((notebook, bySteps) -> {
            List<Step> steps = new ArrayList<>();
            int predictions = 0;
            int right = 0;
            for (Map.Entry<String, List<ProgressEntry>> s : bySteps.entrySet()) {
                steps.add(step(notebook, s.getKey(), s.getValue()));
                for (ProgressEntry e : s.getValue()) {
                    if (e.action() == Action.PREDICTION) {
                        predictions++;
                        right += Boolean.TRUE.equals(e.correct()) ? 1 : 0;
                    }
                }
            }
            if (steps.stream().allMatch(s -> s.step().matches("\\d{1,9}"))) {
                steps.sort(Comparator.comparingInt(s -> Integer.parseInt(s.step())));
            }
            notebooks.add(new Notebook(notebook, steps, predictions, right));
        });
        return new ProgressSummary(notebooks, zone);
    }

    private static Step step(String notebook, String step, List<ProgressEntry> lines) {
        Boolean last = null;
        int attempts = 0;
        int hints = 0;
        boolean solution = false;
        Instant time = Instant.EPOCH;
        for (ProgressEntry e : lines) {
            switch (e.action()) {
                case CHECK -> {
                    attempts++;
                    last = e.correct();
                }
                case SOLUTION -> solution = true;
                case HINT, PREDICTION, RESET -> {
                }
            }
            hints = Math.max(hints, e.hints());
            time = e.time().isAfter(time) ? e.time() : time;
        }
        return new Step(notebook, step, last, attempts, hints, solution, time);
    }

    public List<Notebook> notebooks() {
        return notebooks;
    }

    /** Whether the record had nothing to summarize. */
    public boolean isEmpty() {
        return notebooks.isEmpty();
    }

    /** The table's column names, in Spanish. */
    public List<String> headers() {
        return List.of(M.get("progress.header.notebook"), M.get("progress.header.step"), M.get("progress.header.verdict"),
                M.get("progress.header.attempts"), M.get("progress.header.hints"), M.get("progress.header.solution"),
                M.get("progress.header.time"));
    }

    /** One row a step, notebook by notebook: what a person reads (local time to the minute). */
    public List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (Notebook n : notebooks) {
            for (Step s : n.steps()) {
                rows.add(List.of(s.notebook(), s.step(), verdict(s.lastVerdict()), String.valueOf(s.attempts()),
                        String.valueOf(s.hints()), M.get(s.solutionShown() ? "progress.solution.yes" : "progress.solution.no"),
                        LOCAL_TIME.format(s.lastTime().atZone(zone))));
            }
        }
        return rows;
    }

    /** The summary line of every notebook, in the table's order. */
    public List<String> summaries() {
        return notebooks.stream().map(Notebook::summary).toList();
    }

    /**
     * The same table as CSV (RFC 4180, a header line, {@code \n} line ends) for a spreadsheet or
     * a script: the same columns, the time as the record has it (ISO 8601, UTC), the verdict
     * {@code bien}, {@code mal} or empty.
     */
    public String csv() {
        StringBuilder csv = new StringBuilder();
        csvLine(csv, headers());
        for (Notebook n : notebooks) {
            for (Step s : n.steps()) {
                csvLine(csv, List.of(s.notebook(), s.step(), s.lastVerdict() == null ? "" : verdict(s.lastVerdict()),
                        String.valueOf(s.attempts()), String.valueOf(s.hints()),
                        M.get(s.solutionShown() ? "progress.solution.yes" : "progress.solution.no"), s.lastTime().toString()));
            }
        }
        return csv.toString();
    }

    private static String verdict(Boolean v) {
        return M.get(v == null ? "progress.verdict.none" : v ? "progress.verdict.right" : "progress.verdict.wrong");
    }

    private static void csvLine(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (i > 0) {
                csv.append(',');
            }
            boolean quoted = c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r");
            csv.append(quoted ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        csv.append('\n');
    }
}
