package capas.kernel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * One JShell running in this JVM, with the Capas library on its class path and imported.
 *
 * <p>Not thread-safe: every call but {@link #stop()} comes from the thread that runs cells.
 */
final class JShellSession implements AutoCloseable {
    /** What the last snippet of some Java produced: its value, if it was an expression. */
    record Result(boolean hasValue, Object value, String text) {
        static final Result NONE = new Result(false, null, "");
    }

    private final JShell shell;
    private final CapturingExecutionControl control;
    private final SnippetSplitter splitter;
    private volatile boolean cancelled;

    private JShellSession(JShell shell, CapturingExecutionControl control) {
        this.shell = shell;
        this.control = control;
        this.splitter = new SnippetSplitter(shell.sourceCodeAnalysis());
    }

    /** Starts JShell on {@code classPath} and runs the startup imports. */
    static JShellSession start(String classPath) {
        AtomicReference<CapturingExecutionControl> made = new AtomicReference<>();
        ExecutionControlProvider inProcess = new ExecutionControlProvider() {
            @Override
            public String name() {
                return "capas";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                CapturingExecutionControl control = new CapturingExecutionControl();
                made.set(control);
                return control;
            }
        };
        JShell shell = JShell.builder()
                .executionEngine(inProcess, Map.of())
                .compilerOptions("--class-path", classPath)
                .build();
        JShellSession session = new JShellSession(shell, made.get());
        session.importStartup();
        return session;
    }

    private void importStartup() {
        for (String pkg : StartupImports.JDK) {
            shell.eval(StartupImports.importOf(pkg));
        }
        for (String pkg : StartupImports.LIBRARY) {
            // A package without classes yet is rejected by javac; it simply stays unimported.
            shell.eval(StartupImports.importOf(pkg));
        }
        shell.eval(StartupImports.STATICS);
    }

    SourceCodeAnalysis analysis() {
        return shell.sourceCodeAnalysis();
    }

    SnippetSplitter splitter() {
        return splitter;
    }

    /**
     * A new cell begins: a {@link #stop()} that came before it is spent. The kernel calls this
     * before it lets Stop reach this session, so that a Stop pressed before {@link #eval} starts
     * still ends the cell instead of being cleared by it.
     */
    void begin() {
        cancelled = false;
        control.arm();
    }

    /**
     * Runs {@code code} snippet by snippet and stops at the first failure, or at a {@link #stop()}
     * since the last {@link #begin()}.
     *
     * @param firstLine the cell line where {@code code} starts, for error messages
     * @throws CellFailure on a compile error, an exception or an interrupt
     */
    Result eval(String code, int firstLine) {
        Result last = Result.NONE;
        Map<String, Integer> cellLines = new HashMap<>();
        for (SnippetSplitter.Span span : splitter.split(code)) {
            // A stop that landed before this snippet ran (while JShell compiled, or before eval began) ends the cell here.
            if (cancelled) {
                throw Errors.interrupted();
            }
            last = evalSnippet(span, code, firstLine, cellLines);
        }
        return last;
    }

    private Result evalSnippet(SnippetSplitter.Span span, String code, int firstLine, Map<String, Integer> cellLines) {
        control.reset();
        List<SnippetEvent> events = shell.eval(span.source());
        if (control.wasStopped()) {
            throw Errors.interrupted();
        }
        Result result = Result.NONE;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue;
            }
            Snippet snippet = event.snippet();
            cellLines.put(snippet.id(), firstLine + 1 + lineOf(code, span.start() + leadingBlankLines(span.source())));
            if (event.status() == Snippet.Status.REJECTED) {
                throw Errors.compile(shell.diagnostics(snippet).toList(), span, code, firstLine);
            }
            if (event.exception() != null) {
                throw Errors.runtime(event.exception(), control.lastThrowable(), cellLines);
            }
            if (snippet instanceof DeclarationSnippet declaration) {
                List<String> missing = shell.unresolvedDependencies(declaration).toList();
                if (!missing.isEmpty()) {
                    System.err.println(Errors.unresolved(declaration.name(), missing));
                }
            }
            if (isExpression(snippet) && control.lastValue() != CapturingExecutionControl.NO_VALUE) {
                result = new Result(true, control.lastValue(), event.value());
            }
        }
        return result;
    }

    private static int lineOf(String code, int offset) {
        return (int) code.substring(0, Math.min(offset, code.length())).chars().filter(c -> c == '\n').count();
    }

    /** JShell numbers a snippet's lines from its first non-blank line. */
    private static int leadingBlankLines(String source) {
        int chars = 0;
        int lastNewline = -1;
        while (chars < source.length() && Character.isWhitespace(source.charAt(chars))) {
            if (source.charAt(chars) == '\n') {
                lastNewline = chars;
            }
            chars++;
        }
        return lastNewline + 1;
    }

    private static boolean isExpression(Snippet snippet) {
        if (snippet instanceof ExpressionSnippet expression) {
            return !"void".equals(expression.typeName());
        }
        return snippet instanceof VarSnippet var
                && var.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                && !"void".equals(var.typeName());
    }

    /** Stops the running snippet and skips the rest of the cell; safe from any thread. */
    void stop() {
        cancelled = true;
        control.stop();
    }

    @Override
    public void close() {
        shell.close();
    }
}
