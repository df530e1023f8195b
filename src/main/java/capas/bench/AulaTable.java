package capas.bench;

import capas.Messages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The table {@code ./lab bench --aula N} prints: each figure for one student alone and for N at
 * once (median and maximum), their ratio, and below it how many students this machine holds by
 * CPU and by memory, worked out from the same figures.
 */
public final class AulaTable {
    private static final Messages M = Messages.of(AulaTable.class);
    /** A lesson may take up to this many times its time alone before the class counts as full. */
    static final double SLOWDOWN = 2;
    /** The real classroom server the write-up is for. */
    static final int SERVER_CORES = 32;
    static final double SERVER_MB = 128 * 1024;

    private AulaTable() {
    }

    enum Kind {
        TIME, MEGABYTES, CPU
    }

    private record Row(String key, Kind kind, ToDoubleFunction<AulaStudent> value) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("aula.row.start", Kind.TIME, AulaStudent::startMillis),
            new Row("aula.row.first", Kind.TIME, s -> s.ran() ? s.lesson().firstMillis() : Double.NaN),
            new Row("aula.row.lesson", Kind.TIME, s -> s.ran() ? s.lesson().totalMillis() : Double.NaN),
            new Row("aula.row.cpu", Kind.CPU, AulaStudent::cpuSeconds),
            new Row("aula.row.memory", Kind.MEGABYTES, AulaStudent::workingSetMb),
            new Row("aula.row.peak", Kind.MEGABYTES, AulaStudent::peakMb),
            new Row("aula.row.disk", Kind.MEGABYTES, AulaStudent::diskMb),
            new Row("aula.row.disk.file", Kind.MEGABYTES, AulaStudent::diskFileMb));

    static List<String> headers(int n) {
        return List.of(M.get("aula.col.figure"), M.get("aula.col.alone"), M.get("aula.col.median", n), M.get("aula.col.max", n),
                M.get("aula.col.ratio", n));
    }

    /** The rows' cells, in the order of {@link #headers}. */
    static List<List<String>> rows(AulaResult r) {
        List<List<String>> rows = new ArrayList<>();
        for (Row row : ROWS) {
            double alone = row.value().applyAsDouble(r.alone());
            double[] together = values(r.together(), row.value());
            double median = Timing.median(together);
            double max = Arrays.stream(together).max().orElse(Double.NaN);
            rows.add(List.of(M.get(row.key()), cell(row.kind(), alone), cell(row.kind(), median), cell(row.kind(), max), ratio(median, alone)));
        }
        return rows;
    }

    /** The students' values that were measured (NaN left out). */
    static double[] values(List<AulaStudent> students, ToDoubleFunction<AulaStudent> value) {
        return students.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).toArray();
    }

    static String cell(Kind kind, double value) {
        if (Double.isNaN(value)) {
            return M.get("aula.cell.none");
        }
        return switch (kind) {
            case TIME -> Measure.millis(value, 1).text();
            case CPU -> Measure.millis(value * 1000, 1).text();
            case MEGABYTES -> Measure.megabytes(value).text();
        };
    }

    /** N-at-once over alone: {@code 1,84×}, or {@code —}. */
    static String ratio(double together, double alone) {
        if (Double.isNaN(together) || Double.isNaN(alone) || alone <= 0) {
            return M.get("aula.cell.none");
        }
        return M.get("aula.ratio", together / alone);
    }

    /** How many lessons at once the CPU holds without any taking more than {@link #SLOWDOWN}× its time alone. */
    static int byCpu(int cores, double lessonSeconds, double cpuSeconds) {
        if (Double.isNaN(lessonSeconds) || Double.isNaN(cpuSeconds) || cpuSeconds <= 0) {
            return -1;
        }
        return (int) Math.floor(SLOWDOWN * cores * lessonSeconds / cpuSeconds);
    }

    /** How many students' memory fits in {@code availableMb}. */
    static int byMemory(double availableMb, double perStudentMb) {
        if (Double.isNaN(availableMb) || Double.isNaN(perStudentMb) || perStudentMb <= 0) {
            return -1;
        }
        return (int) Math.floor(availableMb / perStudentMb);
    }

    /** The most memory a student used, alone or with the others: what each must be given. */
    static double memoryPerStudent(AulaResult r) {
        List<AulaStudent> all = new ArrayList<>(r.together());
        all.add(r.alone());
        return Arrays.stream(values(all, AulaStudent::workingSetMb)).max().orElse(Double.NaN);
    }

    /** The CPU a lesson costs: the median of all students' (alone and at once), as one lesson costs the same work either way. */
    static double cpuPerLesson(AulaResult r) {
        List<AulaStudent> all = new ArrayList<>(r.together());
        all.add(r.alone());
        return Timing.median(values(all, AulaStudent::cpuSeconds));
    }

    private static double aloneSeconds(AulaResult r) {
        return r.alone().ran() ? r.alone().lesson().totalMillis() / 1000 : Double.NaN;
    }

    /** The lines under the table: what was measured on this machine, the limit it reaches, and the same figures on a real server. */
    static List<String> limits(AulaResult r) {
        List<String> lines = new ArrayList<>();
        int n = r.students();
        double lessonRatio = Timing.median(values(r.together(), s -> s.ran() ? s.lesson().totalMillis() : Double.NaN))
                / aloneSeconds(r) / 1000;
        lines.add(M.get("aula.limit.measured", n, r.cores(), Double.isNaN(lessonRatio) ? M.get("aula.cell.none") : M.get("aula.ratio", lessonRatio),
                r.busyShare() * 100, r.loadMax(), r.loadBefore()));
        double cpu = cpuPerLesson(r);
        double alone = aloneSeconds(r);
        int fitCpu = byCpu(r.cores(), alone, cpu);
        double memory = memoryPerStudent(r);
        int fitMemory = byMemory(r.availableMb(), memory);
        lines.add(fitCpu < 0 ? M.get("aula.limit.cpu.none")
                : M.get("aula.limit.cpu", cell(Kind.CPU, cpu), cell(Kind.TIME, alone * 1000), r.cores(), fitCpu, SLOWDOWN));
        lines.add(fitMemory < 0 ? M.get("aula.limit.memory.none")
                : M.get("aula.limit.memory", cell(Kind.MEGABYTES, memory), cell(Kind.MEGABYTES, r.availableMb()), fitMemory));
        if (fitCpu >= 0 && fitMemory >= 0) {
            lines.add(M.get(fitCpu <= fitMemory ? "aula.limit.here.cpu" : "aula.limit.here.memory", Math.min(fitCpu, fitMemory)));
            int serverCpu = byCpu(SERVER_CORES, alone, cpu);
            int serverMemory = byMemory(SERVER_MB, memory);
            lines.add(M.get("aula.limit.server", SERVER_CORES, SERVER_MB / 1024, serverCpu, serverMemory,
                    M.get(serverCpu <= serverMemory ? "aula.limit.by.cpu" : "aula.limit.by.memory")));
        }
        double disk = Timing.median(values(r.together(), AulaStudent::diskMb));
        double file = Timing.median(values(r.together(), AulaStudent::diskFileMb));
        if (!Double.isNaN(disk)) {
            lines.add(M.get("aula.limit.disk", cell(Kind.MEGABYTES, disk), cell(Kind.MEGABYTES, file)));
        }
        return lines;
    }

    /** The cells that raised, per student: {@code bench-01: rmi-refused (celda 24)}. */
    static List<String> errors(AulaResult r) {
        List<String> lines = new ArrayList<>();
        lines.add(M.get("aula.errors.alone", describe(r.alone())));
        r.together().forEach(s -> lines.add(M.get("aula.errors.student", s.name(), describe(s))));
        return lines;
    }

    private static String describe(AulaStudent s) {
        return s.ran() ? s.lesson().errorText() : M.get("aula.errors.not.run", s.problem());
    }

    /** The table as aligned text, then the errors and the limits. */
    public static String text(AulaResult r) {
        List<List<String>> all = new ArrayList<>();
        all.add(headers(r.students()));
        all.addAll(rows(r));
        int[] widths = new int[all.get(0).size()];
        all.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).codePointCount(0, row.get(i).length()));
            }
        });
        StringBuilder out = new StringBuilder();
        for (int r0 = 0; r0 < all.size(); r0++) {
            StringBuilder line = new StringBuilder();
            List<String> row = all.get(r0);
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                line.append(cell).append(" ".repeat(widths[i] - cell.codePointCount(0, cell.length()))).append("  ");
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (r0 == 0) {
                out.append("─".repeat(Arrays.stream(widths).sum() + 2 * (widths.length - 1))).append('\n');
            }
        }
        out.append('\n');
        errors(r).forEach(l -> out.append(l).append('\n'));
        out.append('\n');
        limits(r).forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }

    /** {@code target/bench-aula.md}: where and how, the table, the errors and the limits. */
    public static String markdown(AulaResult r, Machine machine) {
        StringBuilder out = new StringBuilder(M.get("aula.doc.title")).append("\n\n");
        out.append(M.get("aula.doc.intro", machine.text(), r.students())).append("\n\n");
        out.append(mdRow(headers(r.students())));
        out.append("|").append(" --- |".repeat(headers(r.students()).size())).append('\n');
        rows(r).forEach(row -> out.append(mdRow(row)));
        out.append('\n');
        errors(r).forEach(l -> out.append("- ").append(l).append('\n'));
        out.append('\n');
        limits(r).forEach(l -> out.append("- ").append(l).append('\n'));
        return out.toString();
    }

    private static String mdRow(List<String> cells) {
        StringBuilder row = new StringBuilder("|");
        cells.forEach(c -> row.append(' ').append(c.replace("|", "\\|").replace("\n", " ")).append(" |"));
        return row.append('\n').toString();
    }
}
