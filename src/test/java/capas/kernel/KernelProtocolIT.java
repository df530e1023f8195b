package capas.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import capas.Env;
import capas.notebook.KernelSession;
import capas.notebook.NotebookRunner;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kernel over the Jupyter protocol, driven by Debian's jupyter_client: what nbconvert does
 * not show (timing of streamed output, interrupts, completion, inspection, kernel_info).
 */
class KernelProtocolIT {
    private static final String CONTAINER = "capas-it-runner-kernel";
    private static final Path RUN_ALL_MARKER = Path.of(System.getProperty("java.io.tmpdir"), "capas-it-run-all-" + ProcessHandle.current().pid());
    private static JsonNode results;

    @BeforeAll
    static void runSession() throws Exception {
        NotebookRunner.installKernel();
        List<Map<String, Object>> steps = List.of(
                Map.of("kernel_info", true),
                Map.of("execute", "for (int i = 0; i < 3; i++) { System.out.println(\"tic \" + i); Thread.sleep(400); }"),
                Map.of("execute", "%%bash\nfor i in 1 2 3; do echo \"bash $i\"; sleep 0.4; done"),
                // Stop once the loop is running (Thread.stop), and below, over SIGINT, as soon as the kernel says busy (before it runs).
                Map.of("execute", "System.out.println(\"empieza\");\nwhile (true) {}", "interrupt", "message", "interrupt_on_output", "empieza"),
                Map.of("execute", "%%bash\necho empieza\nsleep 60\necho nunca", "interrupt", "message", "interrupt_on_output", "empieza"),
                Map.of("execute", "\"vivo\""),
                Map.of("complete", "String.valueO", "cursor", 13),
                Map.of("inspect", "Math.max(1, 2)", "cursor", 6),
                Map.of("is_complete", "for (int i = 0; i < 3; i++) {"),
                Map.of("is_complete", "1 + 1"),
                Map.of("execute", "while (true) {}", "interrupt", "signal"),
                Map.of("execute", "%%bash\necho empieza\nsleep 60", "interrupt", "signal", "interrupt_on_output", "empieza"),
                Map.of("execute", "%sh echo $((6 * 7))"),
                Map.of("history_tail", 1),
                // The Stop button on a cell whose root podman runs a container that ignores SIGINT and SIGTERM (its PID 1
                // has no handlers), pressed once the container is running: it has said so.
                Map.of("execute", "%%bash\nsudo -n podman rm -f -t 0 " + CONTAINER + " >/dev/null 2>&1\n"
                        + "sudo -n podman run --name " + CONTAINER + " --network none " + Env.image()
                        + " sh -c 'echo en marcha; exec sleep 60'\necho nunca",
                        "interrupt", "message", "interrupt_on_output", "en marcha"),
                Map.of("execute", "%%bash\nsudo -n podman inspect --format 'estado={{.State.Status}}' " + CONTAINER),
                // Its own cell, which names the container only as a pattern: the bracket keeps this bash out of what pgrep finds.
                Map.of("execute", "%%bash\npgrep -fa '(podman|conmon).*capas-it-runner-[k]ernel'\necho \"procesos=$(pgrep -fc '(podman|conmon).*capas-it-runner-[k]ernel')\""),
                Map.of("execute", "%%bash\nsudo -n podman rm -f -t 0 " + CONTAINER + " >/dev/null"),
                // "Run All" on a notebook whose first cell refuses to go on: the cells behind it must not run.
                Map.of("run_all", List.of("throw new CapasException(\"alto\")", "%%bash\ntouch " + RUN_ALL_MARKER,
                        "\"tampoco\"")),
                Map.of("execute", "\"de nuevo\""));
        results = KernelSession.run(steps);
    }

    @Test
    void runAllStopsAtTheFirstFailingCellAndACellRunByHandAfterwardsRuns() {
        JsonNode runAll = results.get(results.size() - 2);
        assertThat(runAll.get("replies").findValuesAsText("status")).containsExactly("error", "aborted", "aborted");
        assertThat(RUN_ALL_MARKER).as("the bash cell queued behind the failure ran").doesNotExist();
        assertThat(runAll.get("outputs").toString()).contains("alto").doesNotContain("tampoco");
        JsonNode again = results.get(results.size() - 1);
        assertThat(again.get("reply").get("status").asText()).isEqualTo("ok");
        assertThat(again.get("outputs").toString()).contains("de nuevo");
    }

    @Test
    void kernelInfoFollowsProtocol53() {
        JsonNode info = results.get(0).get("reply");
        assertThat(info.get("status").asText()).isEqualTo("ok");
        assertThat(info.get("protocol_version").asText()).isEqualTo("5.3");
        assertThat(info.get("implementation").asText()).isEqualTo("capas");
        JsonNode language = info.get("language_info");
        assertThat(language.get("name").asText()).isEqualTo("java");
        assertThat(language.get("mimetype").asText()).isEqualTo("text/x-java-source");
        assertThat(language.get("file_extension").asText()).isEqualTo(".jshell");
        assertThat(info.get("banner").asText()).contains("Capas");
        assertThat(info.get("help_links").size()).isPositive();
    }

    @Test
    void javaOutputArrivesWhileTheCellRuns() {
        assertStreamedLive(results.get(1), "tic ");
    }

    @Test
    void bashOutputArrivesWhileTheCellRuns() {
        assertStreamedLive(results.get(2), "bash ");
    }

    private static void assertStreamedLive(JsonNode execution, String prefix) {
        JsonNode outputs = execution.get("outputs");
        assertThat(outputs.size()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(outputs.get(i).get("content").get("text").asText()).startsWith(prefix);
        }
        double first = outputs.get(0).get("at").asDouble();
        double last = outputs.get(2).get("at").asDouble();
        assertThat(last - first).as("lines arrive apart, not all at the end").isGreaterThan(0.5);
    }

    @Test
    void interruptStopsAJavaLoopAndAShellCommand() {
        for (int step : new int[] {3, 4}) {
            JsonNode execution = results.get(step);
            assertThat(execution.get("reply").get("status").asText()).isEqualTo("error");
            assertThat(execution.get("reply").get("ename").asText()).isEqualTo("Interrumpido");
        }
        assertThat(results.get(4).get("outputs").toString()).doesNotContain("nunca");
        JsonNode after = results.get(5).get("outputs").get(0);
        assertThat(after.get("type").asText()).isEqualTo("execute_result");
        assertThat(after.get("content").get("data").get("text/plain").asText()).isEqualTo("\"vivo\"");
    }

    @Test
    void sigintInterruptsToo() {
        for (int step : new int[] {10, 11}) {
            assertThat(results.get(step).get("reply").get("ename").asText()).isEqualTo("Interrumpido");
        }
        assertThat(results.get(12).get("outputs").get(0).get("content").get("text").asText()).isEqualTo("42\n");
    }

    @Test
    void interruptStopsARootPodmanAndItsContainer() {
        JsonNode stopped = results.get(14);
        assertThat(stopped.get("reply").get("ename").asText()).isEqualTo("Interrumpido");
        assertThat(stopped.get("outputs").toString()).doesNotContain("nunca");
        assertThat(results.get(15).get("outputs").toString()).contains("estado=exited");
        assertThat(results.get(16).get("outputs").toString()).contains("procesos=0");
    }

    @AfterAll
    static void removeContainer() {
        try {
            Files.deleteIfExists(RUN_ALL_MARKER);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        capas.os.Commands.run(List.of("sudo", "-n", "podman", "rm", "-f", "-t", "0", CONTAINER));
    }

    @Test
    void historyIsAListOfTriples() {
        JsonNode history = results.get(13).get("reply").get("history");
        assertThat(history.toString()).isEqualTo("[[1,8,\"%sh echo $((6 * 7))\"]]");
    }

    @Test
    void completion() {
        JsonNode reply = results.get(6).get("reply");
        assertThat(reply.get("matches").toString()).contains("valueOf(");
        assertThat(reply.get("cursor_start").asInt()).isEqualTo(7);
        assertThat(reply.get("cursor_end").asInt()).isEqualTo(13);
    }

    @Test
    void inspectionShowsTheSignature() {
        JsonNode reply = results.get(7).get("reply");
        assertThat(reply.get("found").asBoolean()).isTrue();
        assertThat(reply.get("data").get("text/plain").asText()).contains("Math.max(int a, int b)");
    }

    @Test
    void isComplete() {
        assertThat(results.get(8).get("reply").get("status").asText()).isEqualTo("incomplete");
        assertThat(results.get(9).get("reply").get("status").asText()).isEqualTo("complete");
    }
}
