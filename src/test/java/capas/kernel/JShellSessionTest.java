package capas.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import capas.Eventually;
import capas.render.Displayable;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class JShellSessionTest {
    private static JShellSession session;

    @BeforeAll
    static void start() {
        session = JShellSession.start(ClassPath.ofThisJvm());
    }

    @AfterAll
    static void close() {
        session.close();
    }

    /** Each test is a new cell, as the kernel begins one per execute request. */
    @BeforeEach
    void newCell() {
        session.begin();
    }

    /** Stops the cell as Jupyter's interrupt would, once {@code evaluator} (the thread running it) is where {@code where} says. */
    private static void stopWhen(Thread evaluator, String what, Predicate<StackTraceElement[]> where) {
        Thread stopper = new Thread(() -> {
            Eventually.await(what, () -> where.test(evaluator.getStackTrace()));
            session.stop();
        });
        stopper.setDaemon(true);
        stopper.start();
    }

    @Test
    void expressionResult() {
        JShellSession.Result result = session.eval("1 + 1", 0);
        assertThat(result.hasValue()).isTrue();
        assertThat(result.value()).isEqualTo(2);
        assertThat(result.text()).isEqualTo("2");
    }

    @Test
    void severalSnippetsInOneCellKeepTheLastValue() {
        JShellSession.Result result = session.eval("int a = 20;\nint doble(int x) { return 2 * x; }\ndoble(a) + 2", 0);
        assertThat(result.value()).isEqualTo(42);
    }

    @Test
    void statementsAndDeclarationsHaveNoResult() {
        assertThat(session.eval("int sinValor = 3;", 0).hasValue()).isFalse();
        assertThat(session.eval("System.out.print(\"\")", 0).hasValue()).isFalse();
    }

    @Test
    void variableReadKeepsTheObject() {
        session.eval("var insignia = new capas.kernel.TestBadge();", 0);
        assertThat(session.eval("insignia", 0).value()).isInstanceOf(Displayable.class);
    }

    @Test
    void startupImportsAreDone() {
        assertThat(session.eval("new ArrayList<Path>().size()", 0).value()).isEqualTo(0);
        assertThat(session.eval("CapasException.class.getSimpleName()", 0).value()).isEqualTo("CapasException");
        assertThat(session.eval("Displayable.class.getSimpleName()", 0).value()).isEqualTo("Displayable");
    }

    @Test
    void compileErrorShowsTheLineAndJavacsMessage() {
        CellFailure failure = catchThrowableOfType(() -> session.eval("int ok = 1;\nint x = \"hola\";", 4), CellFailure.class);
        assertThat(failure.ename()).isEqualTo("Error de compilación");
        assertThat(failure.traceback()).containsSequence(
                "Error de compilación en la línea 6:", "    int x = \"hola\";", "            ^^^^^^");
        assertThat(failure.evalue()).contains("incompatible types");
    }

    @Test
    void exceptionShowsClassMessageAndOnlyUserFrames() {
        CellFailure failure = catchThrowableOfType(
                () -> session.eval("int divide(int a, int b) { return a / b; }\ndivide(1, 0)", 0), CellFailure.class);
        assertThat(failure.ename()).isEqualTo("java.lang.ArithmeticException");
        assertThat(failure.traceback()).contains("java.lang.ArithmeticException: / by zero");
        assertThat(failure.traceback()).contains("    en divide (línea 1)", "    en la celda (línea 2)");
        assertThat(String.join("\n", failure.traceback()))
                .doesNotContain("capas.kernel", "jdk.jshell", "reflect");
    }

    @Test
    void capasExceptionShowsOnlyItsExplanation() {
        CellFailure failure = catchThrowableOfType(
                () -> session.eval("throw new CapasException(\"No hay contenedores\", \"podman ps -a\");", 0), CellFailure.class);
        assertThat(failure.traceback()).containsExactly("No hay contenedores", "  → podman ps -a");
    }

    @Test
    void laterSnippetsDoNotRunAfterAFailure() {
        assertThatThrownBy(() -> session.eval("int antes = 1;\nint roto = ;\nint despues = 2;", 0)).isInstanceOf(CellFailure.class);
        assertThat(session.eval("antes", 0).value()).isEqualTo(1);
        assertThatThrownBy(() -> session.eval("despues", 0)).isInstanceOf(CellFailure.class);
    }

    @Test
    void stopEndsAnInfiniteLoop() throws Exception {
        Thread stopper = new Thread(() -> {
            // The loop runs on a snippet thread of its own: Stop once it exists, as a student sees the cell busy.
            Eventually.await("the snippet runs", () -> Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(thread -> thread.getName().equals("capas-snippet")));
            session.stop();
        });
        stopper.start();
        CellFailure failure = catchThrowableOfType(() -> session.eval("while (true) {}", 0), CellFailure.class);
        assertThat(failure.ename()).isEqualTo("Interrumpido");
        session.begin();
        assertThat(session.eval("\"sigue\"", 0).value()).isEqualTo("sigue");
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anInterruptThatLandsWhileJShellCompilesStopsTheRunThatFollows() throws Exception {
        // Thousands of statements take JShell a while to compile: the interrupt lands before the loop runs.
        StringBuilder slow = new StringBuilder("{ long suma = 0;\n");
        for (int i = 0; i < 3000; i++) {
            slow.append("suma += ").append(i).append(";\n");
        }
        slow.append("while (true) {} }");
        stopWhen(Thread.currentThread(), "JShell compiles the cell", stack -> Arrays.stream(stack)
                .anyMatch(frame -> frame.getClassName().startsWith("com.sun.tools.javac.")));
        CellFailure failure = catchThrowableOfType(() -> session.eval(slow.toString(), 0), CellFailure.class);
        assertThat(failure.ename()).isEqualTo("Interrumpido");
        session.begin();
        assertThat(session.eval("\"sigue\"", 0).value()).isEqualTo("sigue");
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aStopPressedAfterTheCellBeganButBeforeJShellHasItStillStopsIt() {
        // Under load the kernel may get Stop between publishing "busy" and handing the code to JShell.
        session.stop();
        CellFailure failure = catchThrowableOfType(() -> session.eval("while (true) {}", 0), CellFailure.class);
        assertThat(failure.ename()).isEqualTo("Interrumpido");
        session.begin();
        assertThat(session.eval("\"sigue\"", 0).value()).isEqualTo("sigue");
    }

    @Test
    void aStopFromAnEarlierCellDoesNotReachTheNextOne() {
        session.stop();
        session.begin();
        assertThat(session.eval("\"sigue\"", 0).value()).isEqualTo("sigue");
    }

    @Test
    void incompleteCodeIsACompileError() {
        CellFailure failure = catchThrowableOfType(() -> session.eval("for (int i = 0; i < 3; i++) {", 0), CellFailure.class);
        assertThat(failure.ename()).isEqualTo("Error de compilación");
        assertThat(failure.traceback().get(0)).startsWith("Error de compilación en la línea 1");
    }

    @Test
    void commentsOnlyAndBlankCellsDoNothing() {
        assertThat(session.eval("// nada\n/* tampoco */\n", 0).hasValue()).isFalse();
        assertThat(session.eval("   \n", 0).hasValue()).isFalse();
    }

    @Test
    void classesRecordsAndTextBlocks() {
        JShellSession.Result result = session.eval(
                "record Capa(String id, int tamaño) {}\nvar capas = List.of(new Capa(\"a\", 1), new Capa(\"b\", 2));\n"
                        + "String texto = \"\"\"\n    hola\n    \"\"\";\ncapas.stream().mapToInt(Capa::tamaño).sum() + texto.length()", 0);
        assertThat(result.value()).isEqualTo(8);
    }

    @Test
    void splitterFindsEverySnippet() {
        List<SnippetSplitter.Span> spans = session.splitter().split("int a = 1;\n\nString b = \"x\";\na");
        assertThat(spans).extracting(span -> span.source().strip()).containsExactly("int a = 1;", "String b = \"x\";", "a");
    }
}
