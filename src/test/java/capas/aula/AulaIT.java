package capas.aula;

import static org.assertj.core.api.Assertions.assertThat;

import capas.notebook.AnsweredNotebook;
import capas.notebook.Browser;
import capas.notebook.Prerequisites;
import capas.notebook.RemoteKernel;
import capas.os.CommandResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A whole class on one server, as a teacher and three students meet it: {@code sudo ./lab aula}
 * with a roster; the students created through the Hub's REST API; each starts a server and runs
 * lesson 03 and práctica p1 through a kernel reached over the Hub (its WebSocket, with the
 * student's own token), with right and wrong answers, all three at once; each makes its own
 * {@code contenedor1}, which neither the others nor the host's podman see; the teacher's panel,
 * reached through the Hub's login, has every student's verdicts in its CSV; resetting one
 * student's environment leaves the other two as they were.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AulaIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of(System.getProperty("capas.root", ".")).toAbsolutePath();
    private static final List<String> STUDENTS = List.of("test-ana", "test-bea", "test-eva");
    private static final String TEACHER = "test-profe";
    private static final Duration CELL = Duration.ofMinutes(5);
    /** What a student who predicts right answers in lesson 03 (as ContainerStorageNotebookIT). */
    private static final Map<String, String> PREDICTIONS = Map.of("capas-propias", "una", "campo-image", "sí", "capa-de-tmpfile",
            "contenedor", "overlay-en-el-anfitrion", "sí", "misma-lowerdir", "sí", "cuanto-crece", "20", "cambia-la-imagen", "no",
            "rmi", "no", "capa-tras-rm", "no");

    private Classroom classroom;
    private final Map<String, Map<String, RemoteKernel.Execution>> lesson = new ConcurrentHashMap<>();
    private final Map<String, Map<String, RemoteKernel.Execution>> practica = new ConcurrentHashMap<>();

    @BeforeAll
    void aClassOfThree() throws Exception {
        Prerequisites.require(!"root".equals(System.getProperty("user.name")), "an unprivileged user with sudo (./lab test runs as alumno)");
        Prerequisites.requireExecutable("/usr/bin/jupyterhub");
        classroom = Classroom.start(ROOT, STUDENTS, TEACHER);
    }

    @AfterAll
    void removeTheClass() {
        if (classroom != null) {
            classroom.close();
        }
    }

    @Test
    @Order(1)
    void studentsAreCreatedThroughTheHubsApiAndTheirServersStart() throws Exception {
        HttpResponse<String> created = classroom.api("POST", "users", Map.of("usernames", STUDENTS));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        inParallel(classroom::startServer);
        for (String student : STUDENTS) {
            assertThat(classroom.ready(student)).as(student).isTrue();
        }
    }

    @Test
    @Order(2)
    void eachStudentRunsLesson03AndPractica1OverTheHubAtOnce() throws Exception {
        // Written once: three threads writing the same answered copy would read each other's half-written file.
        JsonNode lesson03 = JSON.readTree(AnsweredNotebook.with(ROOT.resolve("notebooks/03-almacenamiento-de-contenedores.ipynb"),
                PREDICTIONS).toFile());
        inParallel(student -> {
            String token = classroom.tokenOf(student);
            lesson.put(student, runLesson(student, token, lesson03));
            practica.put(student, runPractica(student, token));
        });
        for (String student : STUDENTS) {
            Map<String, RemoteKernel.Execution> cells = lesson.get(student);
            cells.forEach((tag, run) -> {
                if (tag.equals("rmi-refused")) {
                    assertThat(run.ok()).as(student + " " + tag + " (podman must refuse)").isFalse();
                } else {
                    assertThat(run.ok()).as(student + " 03 " + tag + ": " + run).isTrue();
                }
                if (tag.startsWith("comprueba-")) {
                    assertThat(run.text()).as(student + " 03 " + tag).contains("Comprueba: ").doesNotContain("✗");
                }
            });
            assertThat(cells.keySet()).as(student).contains("comprueba-diff", "comprueba-rm");
            Map<String, RemoteKernel.Execution> tasks = practica.get(student);
            assertThat(tasks.get("comprueba-1/mal").text() + tasks.get("comprueba-1/mal").evalue())
                    .as(student + " p1 task 1, a wrong answer").contains("la capa de la izquierda es la de arriba");
            tasks.forEach((tag, run) -> {
                if (tag.startsWith("comprueba-") && !tag.endsWith("/mal")) {
                    assertThat(run.text()).as(student + " p1 " + tag + ": " + run).startsWith("✓ ");
                }
            });
        }
    }

    @Test
    @Order(3)
    void threeContenedor1CoexistAndTheHostSeesNone() {
        for (String student : STUDENTS) {
            // In the student's own terminal, as the lesson does: the student's name in a file of contenedor1's.
            CommandResult run = classroom.shell(student, false, "sudo podman run -d --name contenedor1 --label capas.lab=true "
                    + "--network none \"$(cat /opt/capas-aula/imagen)\" sleep 600 >/dev/null && "
                    + "sudo podman exec contenedor1 sh -c 'echo " + student + " > /tmp/tmpfile.txt'");
            assertThat(run.ok()).as(student + ": " + run).isTrue();
        }
        for (String student : STUDENTS) {
            CommandResult found = classroom.shell(student, false, "sudo sh -c 'cat /var/lib/containers/storage/overlay/*/diff/tmp/tmpfile.txt'");
            assertThat(found.out().strip()).as(student + " finds only its own file in its layer's diff").isEqualTo(student);
            CommandResult names = classroom.shell(student, false, "sudo podman ps -a --format '{{.Names}}'");
            assertThat(names.out().lines().toList()).as(student + "'s rootful containers").containsExactly("contenedor1");
        }
        CommandResult host = Classroom.sudo(Duration.ofSeconds(60), "podman", "ps", "-a", "--format", "{{.Names}}");
        assertThat(host.out().lines().toList()).as("the host's podman").doesNotContain("contenedor1");
        for (String student : STUDENTS) {
            // Each student's container is in the student's own store, on their disk: the host's store only lends the image.
            List<String> ps = new ArrayList<>(classroom.podman(student));
            ps.addAll(List.of("ps", "--format", "{{.Names}}"));
            assertThat(capas.os.Commands.run(ps, Map.of(), 60).out().lines().toList()).containsExactly(Classroom.container(student));
        }
        for (String student : STUDENTS) {
            classroom.shell(student, false, "sudo podman rm -f -t 0 contenedor1");
        }
    }

    /**
     * Issue 23, point 5: from one student's terminal (as alumno, and as the inner root through
     * sudo), every attempt of {@link EscapeAttempts} on another student, the server or the Hub
     * is refused; and the same requests aimed at what the student may do are not, so the rules can fail.
     */
    @Test
    @Order(4)
    void nobodyGetsInWhereTheyDoNotBelong() {
        String self = STUDENTS.get(0);
        String other = STUDENTS.get(1);
        EscapeAttempts.Context ctx = EscapeAttempts.Context.discover(self, other, classroom::podman, classroom.port, classroom.apiPort,
                classroom.proxyPort, classroom.panelPort);
        StudentShell shell = StudentShell.podmanExec(classroom::podman);
        List<EscapeAttempt> attempts = EscapeAttempts.all(ctx);
        assertThat(attempts).extracting(EscapeAttempt::id).doesNotHaveDuplicates();
        List<EscapeAttempts.Outcome> outcomes = EscapeAttempts.tryAll(shell, ctx, attempts);
        System.out.println("Intentos de escape desde " + self + " (otro alumno: " + other + ")");
        System.out.println(EscapeAttempts.table(outcomes));
        assertThat(outcomes).as("attempts not refused").allSatisfy(o -> assertThat(o.refused())
                .as(o.attempt().id() + " " + o.attempt().description() + ": " + o.evidence() + "\n    " + o.result()).isTrue());

        EscapeAttempt own = EscapeAttempt.asAlumno(0, "API del Hub con el token propio: datos propios",
                EscapeAttempts.http(ctx, "GET {api}/users/" + self + " token"), EscapeAttempts.httpRefused());
        EscapeAttempt readOwn = EscapeAttempt.asAlumno(0, "Leer la marca propia", "cat ~/" + EscapeAttempts.MARKER_FILE,
                EscapeAttempts.hides(ctx.marker()));
        StudentShell asOther = (student, asRoot, bash) -> shell.run(other, asRoot, bash);
        EscapeAttempts.Outcome marker = EscapeAttempts.tryAll(asOther, ctx, List.of(readOwn)).get(0);
        assertThat(EscapeAttempts.tryAll(shell, ctx, List.of(own)).get(0).refused()).as("own user's data through the Hub API").isFalse();
        assertThat(marker.refused()).as("the other's marker, read by the other: " + marker.evidence()).isFalse();
        assertThat(marker.result().out()).contains(ctx.marker());
    }

    @Test
    @Order(5)
    void theTeachersPanelHasEveryStudentsVerdicts() {
        HttpClient teacher = classroom.teacherSession();
        HttpResponse<String> page = Classroom.send(teacher, Classroom.browserRequest(classroom.hub("services/panel/")).build());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Panel del profesor").contains(STUDENTS.toArray(String[]::new));
        HttpResponse<String> csv = Classroom.send(teacher, Classroom.browserRequest(classroom.hub("services/panel/cuadro.csv")).build());
        assertThat(csv.statusCode()).isEqualTo(200);
        Map<String, Map<String, String>> grid = wide(csv.body());
        for (String student : STUDENTS) {
            assertThat(grid).containsKey(student);
            assertThat(grid.get(student).get("03")).as(student + " 03").matches("10/10 ✓.*");
            assertThat(grid.get(student).get("p1")).as(student + " p1").matches("9/9 ✓.*");
        }
        // The same verdicts from the lab's own grid, and in each student's record the wrong answer to task 1 before the right one.
        CommandResult longGrid = classroom.jar("aula", "cuadro", "--csv");
        assertThat(longGrid.ok()).as(longGrid.toString()).isTrue();
        for (String student : STUDENTS) {
            assertThat(longGrid.out()).as(student).containsPattern("(?m)^" + student + ",p1[^,]*,9,9,");
            CommandResult record = classroom.shell(student, false, "java -jar /opt/capas/target/capas.jar progreso --csv");
            assertThat(record.out()).as(student + "'s record").containsPattern("(?m)^p1[^,]*,1,bien,2,");
        }
        // A student may not use the panel.
        HttpResponse<String> asStudent = Classroom.send(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), Classroom.browserRequest(classroom.hub("services/panel/"))
                .header("Authorization", "token " + classroom.tokenOf(STUDENTS.get(0))).build());
        assertThat(asStudent.statusCode()).isEqualTo(403);
    }

    /**
     * What a teacher sees, in the real browser the other tests use: the Hub's login, then the
     * panel's grid with every student's verdicts. The screenshot stays with the test's reports.
     */
    @Test
    @Order(6)
    void theTeacherSeesTheGridInABrowser() throws Exception {
        ChromeDriver browser = Browser.start(ROOT.resolve("target/chromium-aula"));
        try {
            browser.get(classroom.hub("hub/login").toString());
            browser.findElement(By.id("username_input")).sendKeys(TEACHER);
            browser.findElement(By.id("password_input")).sendKeys(Classroom.password(TEACHER));
            browser.findElement(By.id("login_submit")).click();
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> !d.getCurrentUrl().contains("/hub/login"));
            browser.get(classroom.hub("services/panel/").toString());
            WebElement table = new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.findElement(By.tagName("table")));
            String text = table.getText();
            for (String student : STUDENTS) {
                assertThat(text).as("the grid in the browser").contains(student);
            }
            assertThat(text).contains("10/10 ✓").contains("9/9 ✓").contains("en marcha");
            Path shot = ROOT.resolve("target/failsafe-reports/aula-panel.png");
            java.nio.file.Files.createDirectories(shot.getParent());
            java.nio.file.Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.quit();
        }
    }

    /** The panel resets one notebook of one student: the student's copy is kept, the record forgets it, the rest stays. */
    @Test
    @Order(7)
    void resettingOneNotebookKeepsTheStudentsCopyAndTheRest() {
        String student = STUDENTS.get(1);
        HttpClient teacher = classroom.teacherSession();
        HttpResponse<String> ask = Classroom.send(teacher, Classroom.browserRequest(
                classroom.hub("services/panel/accion/reiniciar?alumno=" + student + "&cuaderno=p1")).build());
        Matcher xsrf = Pattern.compile("name=\"_xsrf\" value=\"([^\"]+)\"").matcher(ask.body());
        assertThat(xsrf.find()).as(ask.body()).isTrue();
        String form = "_xsrf=" + Classroom.enc(xsrf.group(1)) + "&alumno=" + student + "&cuaderno=p1&confirmado=si";
        HttpResponse<String> done = Classroom.send(teacher, Classroom.browserRequest(classroom.hub("services/panel/accion/reiniciar"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(done.body()).as("the panel's answer").contains("vuelve a estar como al principio");
        String grid = classroom.jar("aula", "cuadro", "--csv").out();
        assertThat(rows(grid, student)).as(student + "'s grid").anyMatch(r -> r.startsWith(student + ",03,"))
                .noneMatch(r -> r.startsWith(student + ",p1,"));
        assertThat(classroom.shell(student, false, "ls ~/capas/notebooks/.copias/").out()).as("the student's own copy, kept")
                .contains("p1-overlay-a-mano-");
    }

    @Test
    @Order(8)
    void resettingOneStudentLeavesTheOtherTwoIntact() {
        String reset = STUDENTS.get(2);
        HttpClient teacher = classroom.teacherSession();
        String before = classroom.jar("aula", "cuadro", "--csv").out();
        // The panel asks first, as for every action that loses something; its answer form carries the XSRF token.
        HttpResponse<String> page = Classroom.send(teacher, Classroom.browserRequest(
                classroom.hub("services/panel/accion/reiniciar-entorno?alumno=" + reset)).build());
        assertThat(page.body()).contains("¿Seguro?").contains(reset);
        Matcher xsrf = Pattern.compile("name=\"_xsrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(xsrf.find()).as("the panel's forms carry an XSRF token").isTrue();
        String form = "_xsrf=" + Classroom.enc(xsrf.group(1)) + "&alumno=" + reset + "&confirmado=si";
        HttpResponse<String> done = Classroom.send(teacher, Classroom.browserRequest(classroom.hub("services/panel/accion/reiniciar-entorno"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.body()).as("the panel's answer").contains("Entorno de " + reset + " reiniciado");
        assertThat(classroom.user(reset).path("servers").isEmpty()).as(reset + "'s server stopped").isTrue();
        String after = classroom.jar("aula", "cuadro", "--csv").out();
        assertThat(rows(after, reset)).as(reset + " starts again").noneMatch(r -> r.contains(",p1") || r.contains(",03"));
        for (String other : STUDENTS.subList(0, 2)) {
            assertThat(rows(after, other)).as(other + "'s record").isEqualTo(rows(before, other));
            assertThat(classroom.ready(other)).as(other + "'s server").isTrue();
            assertThat(classroom.shell(other, false, "test -s ~/.local/share/capas/progreso.jsonl").ok()).isTrue();
        }
        assertThat(Classroom.sudo(Duration.ofSeconds(30), "test", "-e", Classroom.DIR.resolve("discos/" + reset + ".img").toString()).ok())
                .as(reset + "'s disk is gone").isFalse();
    }

    private static List<String> rows(String csv, String student) {
        return csv.lines().filter(l -> l.startsWith(student + ",")).toList();
    }

    /** The panel's wide CSV: student → notebook → cell. */
    private static Map<String, Map<String, String>> wide(String csv) {
        List<String> lines = csv.lines().toList();
        List<String> header = List.of(lines.get(0).split(",", -1));
        Map<String, Map<String, String>> grid = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 1; i < cells.length && i < header.size(); i++) {
                row.put(header.get(i), cells[i].replace("\"", ""));
            }
            grid.put(cells[0], row);
        }
        return grid;
    }

    /** Lesson 03, answered right, cell by cell through a kernel of the student's server; the outputs by tag. */
    private Map<String, RemoteKernel.Execution> runLesson(String student, String token, JsonNode nb) throws Exception {
        Map<String, RemoteKernel.Execution> out = new LinkedHashMap<>();
        try (RemoteKernel kernel = RemoteKernel.start(classroom.server(student), token, "capas")) {
            for (JsonNode cell : nb.path("cells")) {
                if (cell.path("cell_type").asText().equals("code")) {
                    out.put(tag(cell), kernel.execute(source(cell), CELL));
                }
            }
        }
        return out;
    }

    /**
     * Práctica p1 as a student who first gets task 1 wrong, then right, then solves the rest:
     * each check's output by its tag (the wrong one as {@code comprueba-1/mal}).
     */
    private Map<String, RemoteKernel.Execution> runPractica(String student, String token) throws Exception {
        JsonNode nb = JSON.readTree(ROOT.resolve("labs/p1-overlay-a-mano.ipynb").toFile());
        Map<String, RemoteKernel.Execution> out = new LinkedHashMap<>();
        try (RemoteKernel kernel = RemoteKernel.start(classroom.server(student), token, "capas")) {
            JsonNode previous = null;
            for (JsonNode cell : nb.path("cells")) {
                if (!cell.path("cell_type").asText().equals("code") || tag(cell).startsWith("pista-")) {
                    continue;
                }
                JsonNode answers = cell.path("metadata").path("capas");
                if (tag(cell).equals("comprueba-1") && previous != null) {
                    // The wrong answer first, checked; then the right one.
                    kernel.execute(previous.path("errores").get(0).path("fuente").asText(), CELL);
                    out.put("comprueba-1/mal", kernel.execute(source(cell), CELL));
                    kernel.execute(previous.path("solucion").asText(), CELL);
                }
                String code = answers.has("solucion") ? answers.path("solucion").asText() : source(cell);
                out.put(tag(cell), kernel.execute(code, CELL));
                previous = answers.has("solucion") ? answers : previous;
            }
        }
        return out;
    }

    private static String tag(JsonNode cell) {
        JsonNode tags = cell.path("metadata").path("tags");
        return tags.isArray() && !tags.isEmpty() ? tags.get(0).asText() : cell.path("id").asText();
    }

    private static String source(JsonNode cell) {
        StringBuilder code = new StringBuilder();
        cell.path("source").forEach(line -> code.append(line.asText()));
        return code.toString();
    }

    interface StudentWork {
        void run(String student) throws Exception;
    }

    /** One thread per student, all at once, as a class does; the first failure is rethrown with its student. */
    private static void inParallel(StudentWork work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(STUDENTS.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (String student : STUDENTS) {
                running.add(pool.submit(() -> {
                    work.run(student);
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
