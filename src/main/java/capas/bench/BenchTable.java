package capas.bench;

import capas.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * The one table {@code ./lab bench} prints: as aligned text for the terminal, and as Markdown
 * for {@code docs/rendimiento.md}.
 */
public final class BenchTable {
    private static final Messages M = Messages.of(BenchTable.class);

    private BenchTable() {
    }

    /** The column names. */
    static List<String> headers() {
        return List.of(M.get("col.figure"), M.get("col.capas"), M.get("col.alternative"), M.get("col.alternative.value"),
                M.get("col.ratio"), M.get("col.target"), M.get("col.met"));
    }

    /** One row's cells, in the order of {@link #headers()}. */
    static List<String> cells(Figure f) {
        String none = M.get("cell.none");
        String capas = f.capas() == null ? none : f.capas().text() + runs(f.capas());
        String alternative = f.alternative() == null ? none : f.alternative().text() + runs(f.alternative());
        return List.of(f.name(), capas, f.alternativeName() == null ? none : f.alternativeName(), alternative, f.ratioText(),
                f.target().text(), verdict(f));
    }

    private static String runs(Measure m) {
        return m.runs() > 1 ? M.get("cell.runs", m.runs()) : "";
    }

    static String verdict(Figure f) {
        return switch (f.verdict()) {
            case MET -> M.get("verdict.met");
            case MISSED -> M.get("verdict.missed");
            case NO_TARGET -> M.get("cell.none");
            case NOT_MEASURED -> M.get("verdict.not.measured", f.problem() == null ? M.get("cell.none") : shortened(f.problem()));
        };
    }

    /** At most {@value #PROBLEM_CHARS} characters of why a figure was not measured: the whole reason goes under the table. */
    static String shortened(String problem) {
        return problem.length() <= PROBLEM_CHARS ? problem : problem.substring(0, PROBLEM_CHARS - 1) + "…";
    }

    static final int PROBLEM_CHARS = 60;

    /** The table as aligned text, one figure a line. */
    public static String text(List<Figure> figures) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(headers());
        figures.forEach(f -> rows.add(cells(f)));
        int[] widths = new int[headers().size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).codePointCount(0, row.get(i).length()));
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                line.append(cell).append(" ".repeat(widths[i] - cell.codePointCount(0, cell.length()))).append(i + 1 < row.size() ? "  " : "");
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (r == 0) {
                int total = 0;
                for (int w : widths) {
                    total += w + 2;
                }
                out.append("─".repeat(total - 2)).append('\n');
            }
        }
        return out.toString();
    }

    /** The table in Markdown ({@code |} and line breaks in cells escaped). */
    public static String markdown(List<Figure> figures) {
        StringBuilder out = new StringBuilder();
        out.append(mdRow(headers()));
        out.append("|").append(" --- |".repeat(headers().size())).append('\n');
        figures.forEach(f -> out.append(mdRow(cells(f))));
        return out.toString();
    }

    private static String mdRow(List<String> cells) {
        StringBuilder row = new StringBuilder("|");
        for (String c : cells) {
            row.append(' ').append(c.replace("|", "\\|").replace("\n", " ")).append(" |");
        }
        return row.append('\n').toString();
    }

    /** The line from which {@code docs/rendimiento.md} is written by hand: {@link #document} keeps it and what follows. */
    public static final String HAND_WRITTEN = "<!-- a mano: ./lab bench --escribir conserva desde aquí -->";

    /**
     * {@code docs/rendimiento.md}: where and how it was measured, the table, and one note per
     * missed target saying by how much; {@code kept} (the hand-written part of the previous
     * file, from {@link #HAND_WRITTEN} on, or empty) goes at the end.
     */
    public static String document(List<Figure> figures, Machine machine, BenchOptions options, String kept) {
        StringBuilder out = new StringBuilder();
        out.append(M.get("doc.title")).append("\n\n");
        out.append(M.get("doc.intro", machine.date(), machine.cpus(), machine.memory(), machine.kernel(), machine.podman(), machine.java()))
                .append("\n\n");
        out.append(M.get("doc.how", options.containers(), options.images(), options.layers(), options.kernelRuns())).append("\n\n");
        out.append(markdown(figures)).append('\n');
        List<Figure> missed = figures.stream().filter(f -> f.verdict() == Figure.Verdict.MISSED).toList();
        List<Figure> unmeasured = figures.stream().filter(f -> f.verdict() == Figure.Verdict.NOT_MEASURED).toList();
        out.append(M.get("doc.summary", figures.stream().filter(f -> f.verdict() == Figure.Verdict.MET).count(),
                missed.size(), unmeasured.size())).append("\n\n");
        if (!missed.isEmpty()) {
            out.append(M.get("doc.missed")).append("\n\n");
            missed.forEach(f -> out.append("- ").append(missedNote(f)).append('\n'));
            out.append('\n');
        }
        if (!unmeasured.isEmpty()) {
            out.append(M.get("doc.unmeasured")).append("\n\n");
            unmeasured.forEach(f -> out.append("- ").append(M.get("doc.unmeasured.one", f.name(), f.problem())).append('\n'));
            out.append('\n');
        }
        out.append(kept.isEmpty() ? HAND_WRITTEN + "\n" : kept);
        return out.toString();
    }

    /** The hand-written part of an earlier {@code rendimiento.md}: from {@link #HAND_WRITTEN} to the end, or empty. */
    public static String handWritten(String previous) {
        int at = previous.indexOf(HAND_WRITTEN);
        return at < 0 ? "" : previous.substring(at);
    }

    /** One missed target, with by how much: {@code …: 38× frente a ≥ 100× (le falta 2,6×)}. */
    static String missedNote(Figure f) {
        double r = f.ratio();
        double amount = f.target().amount();
        String by = switch (f.target().kind()) {
            case FASTER, NO_SLOWER -> M.get("doc.by.times", Math.max(amount, 1) / r);
            case FRACTION -> M.get("doc.by.times", r / amount);
            case OVERHEAD -> M.get("doc.by.points", (r - 1 - amount) * 100);
            case AT_MOST -> M.get("doc.by.over", f.capas().value() - amount);
            case NONE -> "";
        };
        String got = f.target().kind() == Target.Kind.AT_MOST ? f.capas().text() : f.ratioText();
        return M.get("doc.missed.one", f.name(), got, f.target().text(), by);
    }
}
