package capas.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stop ends a cell whatever it is doing, on every JDK: a loop that never blocks, recursion, a
 * lambda a library calls back, a sleep. {@code StopEveryJdkIT} runs the real kernel on each
 * installed JDK; this runs on the build's.
 */
class SnippetStopTest {
    /** Far more than a stop takes (milliseconds); a cell that was not stopped never ends. */
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static JShellSession session;

    @BeforeAll
    static void start() {
        session = JShellSession.start(ClassPath.ofThisJvm());
    }

    @AfterAll
    static void close() {
        session.close();
    }

    /** One cell as the kernel runs it: begun (a Stop pressed before it is spent), then evaluated. */
    private static JShellSession.Result cell(String code, int firstLine) {
        session.begin();
        return session.eval(code, firstLine);
    }

    /** Runs {@code code} on a thread of its own; the future holds how the cell failed, or null. */
    private static CompletableFuture<CellFailure> evalInBackground(String code) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                cell(code, 0);
                return null;
            } catch (CellFailure failure) {
                return failure;
            }
        });
    }

    /** Waits until a cell thread is inside snippet code (JShell puts it in package REPL). */
    private static void awaitSnippetRunning(CompletableFuture<CellFailure> cell) throws Exception {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            if (cell.isDone()) {
                CellFailure failure = cell.get();
                throw new AssertionError("the cell ended before it was stopped: " + (failure == null ? "ok" : failure.traceback()));
            }
            boolean inSnippet = Thread.getAllStackTraces().entrySet().stream()
                    .filter(e -> e.getKey().getName().equals("capas-snippet"))
                    .anyMatch(e -> Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().startsWith("REPL.")));
            if (inSnippet) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no snippet started within " + BOUND);
    }

    private static CellFailure stopWhileRunning(String code) throws Exception {
        CompletableFuture<CellFailure> cell = evalInBackground(code);
        awaitSnippetRunning(cell);
        session.stop();
        return cell.get(BOUND.toSeconds(), TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "while (true) {}",
            "int x = 0;\nfor (;;) { x++; }",
            "long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\nfib(200)",
            "void espera() { while (true) {} }\nespera()",
            "java.util.stream.IntStream.range(0, 10).forEach(i -> { while (true) {} })",
            "do { } while (Math.abs(1) > 0);",
            "Thread.sleep(600_000)",
    })
    void stopEndsTheCellAndTheNextOneRuns(String code) throws Exception {
        CellFailure failure = stopWhileRunning(code);

        assertThat(failure).as("the cell ended as stopped").isNotNull();
        assertThat(failure.ename()).isEqualTo("Interrumpido");
        assertThat(failure.traceback()).containsExactly("Ejecución interrumpida.");
        assertThat(cell("1 + 1", 0).value()).isEqualTo(2);
    }

    @Test
    void theLoopRanOnAFieldUntilStopped() throws Exception {
        cell("int vueltas = 0;", 0);
        stopWhileRunning("for (;;) { vueltas++; }");
        assertThat((Integer) cell("vueltas", 0).value()).isPositive();
    }

    @Test
    void aCatchAllInsideTheLoopDoesNotKeepItRunning() throws Exception {
        CellFailure failure = stopWhileRunning("while (true) { try { while (true) {} } catch (Throwable t) { } }");
        assertThat(failure.ename()).isEqualTo("Interrumpido");
    }

    @Test
    void cellsThatAreNotStoppedRunAsWritten() {
        assertThat(cell("long suma = 0;\nfor (int i = 0; i < 1_000_000; i++) { suma += i; }\nsuma", 0).value())
                .isEqualTo(499_999_500_000L);
        assertThat(cell("int veces = 0;\ndo { veces++; } while (veces < 5);\nveces", 0).value()).isEqualTo(5);
    }

    @Test
    void aStopWithNothingRunningDoesNotReachTheNextCell() {
        session.stop();
        assertThat(cell("\"sigue\"", 0).value()).isEqualTo("sigue");
    }

    @Test
    void snippetClassesSeeTheKernelsOwnPoll() {
        // A copy of StopPoll in JShell's loader would have a counter of its own that Stop never sets.
        assertThat(cell("capas.kernel.StopPoll.class", 0).value()).isSameAs(StopPoll.class);
    }
}
