package capas.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import capas.ChildProcess;
import capas.Env;
import capas.Mode;
import capas.practica.PracticaAnswers;
import capas.practica.PracticaCatalog;
import capas.progress.Action;
import capas.progress.ProgressEntry;
import capas.progress.ProgressLog;
import capas.progress.ProgressSummary;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every práctica, run through the kernel as a student would: once with the reference answers
 * (every check passes, and each hint cell gives its first hint) and once per typical wrong
 * answer (its check fails with the expected Spanish feedback, or passes with the expected
 * warning when the variant says {@code "aviso": true}). Answers live in each answer cell's
 * metadata {@code capas.solucion} and {@code capas.errores}; the committed notebook holds only
 * the student's empty cells.
 *
 * <p>All runs of one práctica share one kernel: a single notebook holds the reference run, then
 * per wrong answer a reset ({@code ./lab limpiar pN}, in the kernel's JVM) and the práctica again
 * from its first cell up to the check of the wrong task. A kernel start and a launcher per
 * variant were most of this test's time; each variant is still its own test, named as before.
 * Two prácticas run at a time, one rootful and one rootless.
 *
 * <p>Each práctica's kernel writes its record of progress to a file of the test's
 * ({@code CAPAS_PROGRESO}), never to the lab user's: the checks, hints and the one solution asked
 * must all be there, and {@code ./lab progreso --csv}, run as a student would, must list them.
 */
class PracticasIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path VARIANTS = Path.of("target", "practicas").toAbsolutePath();
    private static final String REFERENCE = "referencia";
    private static final String RESET = "limpiar";
    private static final String RAISES = "raises-exception";
    private static final String SOLUTION = "solucion";
    /** The task whose solution the reference run asks for. */
    private static final int SOLVED = 1;
    private static final Path ROOT = Path.of(System.getProperty("capas.root", ".")).toAbsolutePath();

    @TestFactory
    Stream<DynamicTest> practicas() throws IOException {
        Prerequisites.requireExecutable("/usr/bin/jupyter");
        Prerequisites.require(!"root".equals(System.getProperty("user.name")), "an unprivileged user with sudo (./lab test runs as alumno)");
        Map<String, JsonNode> labs = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of("labs"))) {
            for (Path lab : files.filter(p -> p.toString().endsWith(".ipynb")).toList()) {
                labs.put(lab.getFileName().toString().replace(".ipynb", ""), JSON.readTree(lab.toFile()));
            }
        }
        Map<String, JsonNode> allRuns = new HashMap<>();
        labs.forEach((name, nb) -> allRuns.put(name, allRuns(name, nb, variants(nb))));
        // Two prácticas at a time, one lane per store: each has its own lesson label, names and
        // lesson lock, its reset removes only what carries its label, and its kernel mostly waits
        // for podman and sudo. Not two rootful ones: one would list images while the other
        // removes some, which podman 4.3 answers with "image not known".
        Map<Mode, ExecutorService> lanes = new EnumMap<>(Mode.class);
        for (Mode mode : Mode.values()) {
            lanes.put(mode, Executors.newSingleThreadExecutor());
        }
        Map<String, SharedRun> runs = new HashMap<>();
        labs.keySet().forEach(name -> runs.put(name, new SharedRun(name, allRuns.get(name), lanes.get(PracticaCatalog.get(name).mode()))));
        // Each lane ends when its last práctica has run; its thread need not outlive it.
        lanes.values().forEach(ExecutorService::shutdown);
        List<DynamicTest> tests = new ArrayList<>();
        labs.forEach((name, nb) -> {
            SharedRun run = runs.get(name);
            tests.add(DynamicTest.dynamicTest(name + " con las respuestas de referencia", () -> reference(nb, run.get())));
            for (Variant v : variants(nb)) {
                tests.add(DynamicTest.dynamicTest(name + " " + v.tag() + " error " + v.n(), () -> wrong(v, run.get())));
            }
            tests.add(DynamicTest.dynamicTest(name + " deja su progreso anotado y ./lab progreso lo lista", () -> {
                run.get();
                recorded(name, variants(nb));
            }));
        });
        assertThat(tests).as("prácticas in labs/").isNotEmpty();
        return tests.stream();
    }

    /** One typical wrong answer: answer cell {@code tag}, its {@code n}-th entry in {@code capas.errores}. */
    record Variant(String tag, int n, JsonNode error) {
        String section() {
            return tag + "-error-" + n;
        }

        String check() {
            return tag.replace("tarea-", "comprueba-");
        }
    }

    private static List<Variant> variants(JsonNode nb) {
        List<Variant> variants = new ArrayList<>();
        for (JsonNode cell : nb.path("cells")) {
            int n = 0;
            for (JsonNode error : cell.path("metadata").path("capas").path("errores")) {
                variants.add(new Variant(tag(cell), ++n, error));
            }
        }
        return variants;
    }

    /**
     * The reference run: every task has its check, and every check passes; each hint cell,
     * uncommented, gives the first hint; no cell fails but one tagged {@value #RAISES}.
     */
    private static void reference(JsonNode nb, ExecutedNotebook run) {
        List<String> tags = new ArrayList<>();
        nb.path("cells").forEach(cell -> tags.add(tag(cell)));
        List<String> checks = tags.stream().filter(t -> t.startsWith("comprueba-")).toList();
        assertThat(checks).as("the práctica's check cells (comprueba-N)").isNotEmpty();
        for (String task : tags.stream().filter(t -> t.startsWith("tarea-")).toList()) {
            assertThat(checks).as("the check of " + task).contains(task.replace("tarea-", "comprueba-"));
        }
        for (int c = 0; c < nb.path("cells").size(); c++) {
            JsonNode cell = nb.path("cells").get(c);
            if (!cell.path("cell_type").asText().equals("code")) {
                continue;
            }
            String tag = sectionTag(cell, c);
            ExecutedNotebook.Cell executed = run.cell(REFERENCE + "/" + tag);
            if (!executed.tags().contains(RAISES)) {
                assertThat(executed.errors()).as(tag + " failed").isEmpty();
            }
            if (tag.startsWith("comprueba-")) {
                assertThat(executed.text()).as(tag).startsWith("✓ ").doesNotContain("\n! ");
            }
            if (tag.startsWith("pista-")) {
                // The hint cell, uncommented: it gives the first hint.
                assertThat(executed.text()).as(tag).startsWith("Pista 1: ");
            }
        }
        assertThat(run.cell(REFERENCE + "/" + SOLUTION).text()).as("p.solucion(" + SOLVED + ")").startsWith("Solución: ");
        assertReset(run, REFERENCE);
    }

    /** The record of práctica {@code name}'s runs, apart from the lab user's own. */
    private static Path record(String name) {
        return VARIANTS.resolve(name + "-progreso.jsonl");
    }

    /**
     * The práctica's record holds every check (right in the reference run, wrong for each typical
     * mistake), the first hint of every task and the one solution asked; {@code ./lab progreso
     * --csv}, started as a student would start it, reads it back: a row a task.
     */
    private static void recorded(String name, List<Variant> variants) throws Exception {
        List<ProgressEntry> lines = new ProgressLog(record(name)).read();
        assertThat(lines).as("record of " + name).isNotEmpty().allSatisfy(e -> assertThat(e.notebook()).isEqualTo(name));
        Set<Integer> tasks = PracticaCatalog.get(name).tasks(null).keySet();
        Map<Integer, Long> wrong = new HashMap<>();
        for (Variant v : variants) {
            if (!v.error().path("aviso").asBoolean(false)) {
                wrong.merge(Integer.parseInt(v.tag().substring("tarea-".length())), 1L, Long::sum);
            }
        }
        for (int task : tasks) {
            String step = String.valueOf(task);
            assertThat(lines).as(name + " task " + task + ": a right check")
                    .anyMatch(e -> e.step().equals(step) && e.action() == Action.CHECK && Boolean.TRUE.equals(e.correct()));
            assertThat(lines).as(name + " task " + task + ": its first hint")
                    .anyMatch(e -> e.step().equals(step) && e.action() == Action.HINT && e.hints() == 1 && e.detail().equals("1"));
            assertThat(lines.stream().filter(e -> e.step().equals(step) && e.action() == Action.CHECK && Boolean.FALSE.equals(e.correct())))
                    .as(name + " task " + task + ": a wrong check per typical mistake, with its first words")
                    .hasSizeGreaterThanOrEqualTo(wrong.getOrDefault(task, 0L).intValue())
                    .allSatisfy(e -> assertThat(e.detail()).isNotBlank());
        }
        assertThat(lines).filteredOn(e -> e.action() == Action.SOLUTION).extracting(ProgressEntry::step)
                .as(name + ": the solution asked").containsExactly(String.valueOf(SOLVED));

        ProcessBuilder lab = new ProcessBuilder("bash", ROOT.resolve("lab").toString(), "progreso", "--csv").directory(ROOT.toFile());
        lab.environment().put(Env.PROGRESS, record(name).toString());
        ChildProcess.Result result = ChildProcess.run(lab, Duration.ofMinutes(5));
        assertThat(result.exitCode()).as("./lab progreso --csv\n" + result.output()).isZero();
        assertThat(result.out()).as("./lab progreso --csv").isEqualTo(ProgressSummary.of(lines).csv());
        List<String> rows = result.out().lines().skip(1).toList();
        assertThat(rows).as("a row a task").hasSize(tasks.size());
        for (String row : rows) {
            String[] cells = row.split(",");
            int task = Integer.parseInt(cells[1]);
            assertThat(cells[0]).isEqualTo(name);
            assertThat(Integer.parseInt(cells[3])).as(row + ": attempts").isGreaterThanOrEqualTo(1 + wrong.getOrDefault(task, 0L).intValue());
            assertThat(Integer.parseInt(cells[4])).as(row + ": hints").isGreaterThanOrEqualTo(1);
            assertThat(cells[5]).as(row + ": solution shown").isEqualTo(task == SOLVED ? "sí" : "no");
        }
    }

    /**
     * One typical wrong answer: its check says what is wrong (✗ and the expected text), or, for
     * a mistake that does not make the task wrong ({@code "aviso": true}, e.g. a missing label),
     * passes with the expected warning under the ✓.
     */
    private static void wrong(Variant v, ExecutedNotebook run) {
        String check = v.check();
        String text = run.cell(v.section() + "/" + check).text();
        String expected = v.error().path("espera").asText();
        if (v.error().path("aviso").asBoolean(false)) {
            assertThat(text).as(check).startsWith("✓ ").contains("\n! ").contains(expected);
        } else {
            assertThat(text).as(check).startsWith("✗ ").contains(expected);
        }
        assertReset(run, v.section());
    }

    /** The reset after a section left the práctica's lesson clean, as {@code ./lab limpiar pN} exiting 0. */
    private static void assertReset(ExecutedNotebook run, String section) {
        ExecutedNotebook.Cell reset = run.cell(section + "/" + RESET);
        assertThat(reset.errors()).as("./lab limpiar after " + section + "\n" + reset.text()).isEmpty();
    }

    /** The one execution of a práctica's runs, started in a lane when the tests are listed. */
    private static final class SharedRun {
        private final String name;
        private final Future<ExecutedNotebook> run;

        SharedRun(String name, JsonNode allRuns, ExecutorService lanes) {
            this.name = name;
            this.run = lanes.submit(() -> {
                // A record left by an earlier run of this test (target/ outlives runs) would count twice.
                Files.deleteIfExists(record(name));
                return NotebookRunner.execute(PracticaAnswers.write(allRuns, VARIANTS, name + "-todas"), true,
                        Map.of(Env.PROGRESS, record(name).toString()));
            });
        }

        ExecutedNotebook get() throws InterruptedException {
            try {
                return run.get();
            } catch (ExecutionException e) {
                throw new AssertionError("the runs of " + name + " in one kernel", e.getCause());
            }
        }
    }

    /**
     * One notebook with every run of práctica {@code name}, each cell tagged
     * {@code <section>/<its tag>}: the reference answers with the hints asked, then each wrong
     * answer from the first cell to its check (the last one to the end, so that the práctica's
     * own clean-up cells run as before), each section followed by the lesson's reset.
     */
    static JsonNode allRuns(String name, JsonNode nb, List<Variant> variants) {
        ObjectNode all = nb.deepCopy();
        ArrayNode cells = all.putArray("cells");
        String lesson = name.substring(0, name.indexOf('-'));
        addSection(cells, REFERENCE, withHintsAsked(PracticaAnswers.withAnswers(nb, null, null)).path("cells"), Integer.MAX_VALUE, lesson);
        // A student who asks for a solution, once: before the reset, so that the record has it.
        ObjectNode solution = JSON.createObjectNode();
        solution.put("cell_type", "code").put("id", REFERENCE + "-" + SOLUTION).putNull("execution_count");
        solution.putObject("metadata").putArray("tags").add(REFERENCE + "/" + SOLUTION);
        solution.putArray("outputs");
        solution.put("source", "p.solucion(" + SOLVED + ")");
        cells.insert(cells.size() - 1, solution);
        for (int i = 0; i < variants.size(); i++) {
            Variant v = variants.get(i);
            JsonNode answered = PracticaAnswers.withAnswers(nb, v.tag(), v.error().path("fuente").asText()).path("cells");
            int end = Integer.MAX_VALUE;
            if (i < variants.size() - 1) {
                for (int c = 0; c < answered.size(); c++) {
                    if (tag(answered.get(c)).equals(v.check())) {
                        end = c;
                    }
                }
            }
            addSection(cells, v.section(), answered, end, lesson);
        }
        return all;
    }

    private static void addSection(ArrayNode cells, String section, JsonNode from, int last, String lesson) {
        for (int c = 0; c < from.size() && c <= last; c++) {
            JsonNode cell = from.get(c);
            if (!cell.path("cell_type").asText().equals("code")) {
                continue;
            }
            ObjectNode copy = cell.deepCopy();
            ArrayNode tags = JSON.createArrayNode().add(section + "/" + sectionTag(cell, c));
            if (hasTag(cell, RAISES)) {
                tags.add(RAISES);
            }
            ((ObjectNode) copy.path("metadata")).set("tags", tags);
            copy.put("id", section + "-" + c);
            cells.add(copy);
        }
        ObjectNode reset = cells.addObject();
        reset.put("cell_type", "code").put("id", section + "-" + RESET).putNull("execution_count");
        reset.putObject("metadata").putArray("tags").add(section + "/" + RESET);
        reset.putArray("outputs");
        // Imported, not qualified: p1 names a variable "capas", which would hide the package.
        // The other lane may remove one of its own images while this reset lists every image of
        // both stores: podman.listing() asks again then, as ./lab limpiar does for a student.
        reset.put("source", "import capas.cli.LimpiarCommand;\nLimpiarCommand.lesson(\"" + lesson + "\");");
    }

    /** The hint cells with their call uncommented, as a student who asks for a hint runs them. */
    private static JsonNode withHintsAsked(JsonNode nb) {
        for (JsonNode cell : nb.path("cells")) {
            if (tag(cell).startsWith("pista-")) {
                ((ObjectNode) cell).put("source", source(cell).replaceAll("(?m)^// (p\\.pista\\(\\d+\\))", "$1"));
            }
        }
        return nb;
    }

    private static String tag(JsonNode cell) {
        return cell.path("metadata").path("tags").path(0).asText("");
    }

    /** A cell's tag, or its place for a cell without one: unique within a section. */
    private static String sectionTag(JsonNode cell, int index) {
        String tag = tag(cell);
        return tag.isEmpty() ? "#" + index : tag;
    }

    private static boolean hasTag(JsonNode cell, String tag) {
        for (JsonNode t : cell.path("metadata").path("tags")) {
            if (t.asText().equals(tag)) {
                return true;
            }
        }
        return false;
    }

    private static String source(JsonNode cell) {
        return cell.path("source").isArray()
                ? String.join("", JSON.convertValue(cell.path("source"), String[].class)) : cell.path("source").asText();
    }
}
