package capas.practica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import capas.CapasException;
import capas.Env;
import capas.Mode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The prácticas in labs/ and their classes agree: every task has its answer cell, its check
 * cell and its hint cell, in that order; at least two graded hints and a solution; the wrong
 * answers CI runs; and the commands a student reads use the store the práctica works on.
 */
class PracticaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A podman command a student would type (not the word podman in a sentence). */
    private static final Pattern PODMAN_COMMAND = Pattern.compile("(sudo )?podman (run|exec|ps|rm|rmi|inspect|image|diff|create|images|stop|start|unshare|build|info)\\b");

    private static List<Path> labs() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("labs"))) {
            return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    private static String id(Path lab) {
        return lab.getFileName().toString().replace(".ipynb", "");
    }

    /** The práctica's own bundle, every key, as the engine reads it (UTF-8). */
    static Properties text(PracticaDefinition definition) throws Exception {
        String resource = "/" + definition.getClass().getName().replace('.', '/') + ".properties";
        Properties text = new Properties();
        try (InputStream in = PracticaTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            text.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return text;
    }

    private static String source(JsonNode cell) {
        JsonNode source = cell.path("source");
        if (source.isArray()) {
            StringBuilder text = new StringBuilder();
            source.forEach(line -> text.append(line.asText()));
            return text.toString();
        }
        return source.asText();
    }

    /** The number of graded hints {@code t<task>.pista.1…} the bundle has, counted as Practica#pista gives them. */
    private static int hints(Properties text, int task) {
        int n = 0;
        while (text.containsKey("t" + task + ".pista." + (n + 1))) {
            n++;
        }
        return n;
    }

    @Test
    void everyTaskHasAnAnswerACheckAndAHintCellInOrder() throws Exception {
        assertThat(labs()).hasSizeGreaterThanOrEqualTo(4);
        for (Path lab : labs()) {
            String id = id(lab);
            JsonNode nb = JSON.readTree(lab.toFile());
            assertThat(nb.toString()).as(id + " opens its own práctica").contains("Practica.abrir(\\\"" + id + "\\\")");
            Set<Integer> tasks = PracticaCatalog.get(id).tasks(null).keySet();
            assertThat(tasks).as(id + " tasks numbered 1…n").containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, tasks.size()).boxed().toList());
            List<String> expected = new ArrayList<>();
            for (int task : new TreeSet<>(tasks)) {
                expected.addAll(List.of("tarea-" + task, "comprueba-" + task, "pista-" + task));
            }
            List<String> found = new ArrayList<>();
            for (JsonNode cell : nb.path("cells")) {
                String tag = cell.path("metadata").path("tags").path(0).asText("");
                if (!tag.matches("(tarea|comprueba|pista)-\\d+")) {
                    continue;
                }
                found.add(tag);
                int task = Integer.parseInt(tag.substring(tag.indexOf('-') + 1));
                String source = source(cell);
                if (tag.startsWith("comprueba-")) {
                    assertThat(source).as(id + " " + tag).contains("p.comprobar(" + task);
                } else if (tag.startsWith("pista-")) {
                    assertThat(source).as(id + " " + tag).contains("p.pista(" + task + ")");
                } else {
                    assertThat(cell.path("metadata").path("capas").path("solucion").asText()).as(id + " " + tag + " reference answer").isNotBlank();
                }
            }
            assertThat(found).as(id + ": the answer, check and hint cells of each task, in order").containsExactlyElementsOf(expected);
        }
    }

    @Test
    void everyTaskHasAtLeastTwoGradedHintsAndASolution() throws Exception {
        for (Path lab : labs()) {
            String id = id(lab);
            PracticaDefinition definition = PracticaCatalog.get(id);
            Properties text = text(definition);
            Set<Integer> tasks = definition.tasks(null).keySet();
            for (int task : tasks) {
                assertThat(hints(text, task)).as(id + " task " + task + " hints").isGreaterThanOrEqualTo(2);
                assertThat(text.getProperty("t" + task + ".solucion")).as(id + " task " + task + " solution").isNotBlank();
                String solution = text.getProperty("t" + task + ".solucion");
                for (int n = 1; n <= hints(text, task); n++) {
                    assertThat(text.getProperty("t" + task + ".pista." + n)).as(id + " t" + task + ".pista." + n + " gives the solution away")
                            .doesNotContain(solution);
                }
            }
            for (String key : text.stringPropertyNames()) {
                Matcher m = Pattern.compile("t(\\d+)\\.(pista\\.\\d+|solucion)").matcher(key);
                if (m.matches()) {
                    assertThat(tasks).as(id + " " + key + " belongs to a task the práctica has").contains(Integer.parseInt(m.group(1)));
                }
            }
        }
    }

    /** Hints never hand over the reference answer: no hint holds a line of the reference cell. */
    @Test
    void noHintIsTheReferenceAnswer() throws Exception {
        for (Path lab : labs()) {
            String id = id(lab);
            Properties text = text(PracticaCatalog.get(id));
            for (JsonNode cell : JSON.readTree(lab.toFile()).path("cells")) {
                String tag = cell.path("metadata").path("tags").path(0).asText("");
                if (!tag.startsWith("tarea-")) {
                    continue;
                }
                String task = tag.substring("tarea-".length());
                for (String line : cell.path("metadata").path("capas").path("solucion").asText().split("\n")) {
                    if (line.isBlank() || line.startsWith("%%")) {
                        continue;
                    }
                    for (int n = 1; text.containsKey("t" + task + ".pista." + n); n++) {
                        assertThat(text.getProperty("t" + task + ".pista." + n)).as(id + " t" + task + ".pista." + n).doesNotContain(line.strip());
                    }
                }
            }
        }
    }

    /**
     * A rootful práctica's hints, solutions and messages write every podman command with sudo
     * (without it the student reads the rootless store, another build with other ids); a
     * rootless one never does. Messages about the rootless store itself are the exception: those
     * whose key names it, and those that say «sin sudo» where they mean it (p2 asks for both
     * stores' graph roots).
     */
    @Test
    void commandsUseTheStoreOfThePractica() throws Exception {
        for (Path lab : labs()) {
            String id = id(lab);
            PracticaDefinition definition = PracticaCatalog.get(id);
            Properties text = text(definition);
            for (String key : text.stringPropertyNames()) {
                if (key.contains("rootless") || text.getProperty(key).toLowerCase(java.util.Locale.ROOT).contains("sin sudo")) {
                    continue;
                }
                Matcher m = PODMAN_COMMAND.matcher(text.getProperty(key));
                while (m.find()) {
                    boolean sudo = m.group(1) != null;
                    assertThat(sudo).as(id + " " + key + ": «" + m.group() + "» in «" + text.getProperty(key) + "»")
                            .isEqualTo(definition.mode() == Mode.ROOTFUL);
                }
            }
        }
    }

    /** The course image comes from one place: no command cell, reference or wrong answer names it. */
    @Test
    void commandCellsTakeTheCourseImageFromItsVariable() throws Exception {
        String image = Env.image().replaceFirst(":latest$", "");
        for (Path lab : labs()) {
            for (JsonNode cell : JSON.readTree(lab.toFile()).path("cells")) {
                if (!"code".equals(cell.path("cell_type").asText())) {
                    continue;
                }
                List<String> sources = new ArrayList<>(List.of(source(cell), cell.path("metadata").path("capas").path("solucion").asText()));
                cell.path("metadata").path("capas").path("errores").forEach(e -> sources.add(e.path("fuente").asText()));
                for (String source : sources) {
                    assertThat(source).as(lab + " " + cell.path("metadata").path("tags")).doesNotContain(image);
                }
            }
        }
    }

    /** Each wrong answer CI runs says what it expects to read; a warning (not a ✗) says so with "aviso". */
    @Test
    void everyWrongAnswerSaysWhatTheCheckMustPrint() throws Exception {
        for (Path lab : labs()) {
            int wrong = 0;
            for (JsonNode cell : JSON.readTree(lab.toFile()).path("cells")) {
                for (JsonNode error : cell.path("metadata").path("capas").path("errores")) {
                    wrong++;
                    assertThat(error.path("fuente").asText()).as(lab + " fuente").isNotBlank();
                    assertThat(error.path("espera").asText()).as(lab + " espera").isNotBlank();
                    assertThat(error.path("aviso").isMissingNode() || error.path("aviso").isBoolean()).as(lab + " aviso").isTrue();
                }
            }
            assertThat(wrong).as(lab + " wrong answers").isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void anUnknownPracticaListsTheRealOnes() {
        assertThatThrownBy(() -> Practica.abrir("p9-no-existe")).isInstanceOf(CapasException.class)
                .hasMessageContaining("No hay ninguna práctica «p9-no-existe»")
                .hasMessageContaining("p1-overlay-a-mano, p2-capas-compartidas, p3-donde-esta-tu-fichero, p4-copias-y-whiteouts, p5-liberar-una-imagen");
    }

    @Test
    void theCatalogFindsEveryPracticaClassAndEachHasItsNotebook() throws Exception {
        List<String> notebooks = labs().stream().map(PracticaTest::id).toList();
        assertThat(PracticaCatalog.ids()).containsExactlyElementsOf(notebooks);
    }

    @Test
    void theLessonLabelIsThePracticaNumber() {
        assertThat(PracticaCatalog.lessonOf("p5-liberar-una-imagen")).isEqualTo("p5");
        assertThat(PracticaCatalog.lessonOf("p7")).isEqualTo("p7");
    }
}
