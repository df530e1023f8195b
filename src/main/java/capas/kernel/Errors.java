package capas.kernel;

import capas.CapasException;
import capas.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;

/**
 * How a failed cell reads: the student's own line and javac's words for compile errors, the
 * exception and only the student's frames for runtime errors, never the kernel's insides.
 */
final class Errors {
    private static final Messages MESSAGES = Messages.of(Errors.class);
    /** JShell rewrites the frames of snippet code to a file named after the snippet id. */
    private static final String SNIPPET_FILE = "#";

    private Errors() {
    }

    static CellFailure compile(List<Diag> diagnostics, SnippetSplitter.Span span, String code, int firstLine) {
        List<String> lines = new ArrayList<>();
        String first = null;
        for (Diag diag : diagnostics) {
            if (!diag.isError()) {
                continue;
            }
            String message = diag.getMessage(Messages.SPANISH);
            first = first == null ? message : first;
            int start = span.start() + (int) Math.max(0, diag.getStartPosition());
            int end = span.start() + (int) Math.max(diag.getStartPosition(), diag.getEndPosition());
            start = Math.min(start, code.length());
            end = Math.min(Math.max(end, start + 1), code.length());
            int lineStart = code.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
            if (start == 0) {
                lineStart = 0;
            }
            int lineEnd = code.indexOf('\n', start);
            lineEnd = lineEnd < 0 ? code.length() : lineEnd;
            int lineNumber = firstLine + 1 + (int) code.substring(0, lineStart).chars().filter(c -> c == '\n').count();
            String sourceLine = code.substring(lineStart, lineEnd);
            int caretFrom = start - lineStart;
            int caretTo = Math.max(caretFrom + 1, Math.min(end, lineEnd) - lineStart);
            lines.add(MESSAGES.get("error.compile.line", lineNumber));
            lines.add("    " + sourceLine);
            lines.add("    " + " ".repeat(caretFrom) + "^".repeat(caretTo - caretFrom));
            lines.addAll(List.of(message.split("\n")));
        }
        if (first == null) {
            first = MESSAGES.get("error.compile.unknown");
            lines.add(first);
        }
        return new CellFailure(MESSAGES.get("error.compile.name"), first, lines);
    }

    static CellFailure runtime(JShellException exception, Throwable original, Map<String, Integer> cellLines) {
        if (original instanceof CapasException capas) {
            String explained = capas.explain();
            return new CellFailure(capas.getClass().getName(), explained, List.of(explained.split("\n")));
        }
        if (exception instanceof UnresolvedReferenceException unresolved) {
            String text = MESSAGES.get("error.unresolved.call", unresolved.getSnippet().name());
            return new CellFailure(MESSAGES.get("error.compile.name"), text, List.of(text));
        }
        String className = exception instanceof EvalException eval ? eval.getExceptionClassName() : exception.getClass().getName();
        String message = exception.getMessage() == null ? "" : exception.getMessage();
        List<String> lines = new ArrayList<>();
        lines.add(MESSAGES.get("error.runtime.header"));
        lines.add(message.isEmpty() ? className : className + ": " + message);
        lines.addAll(userFrames(exception.getStackTrace(), cellLines));
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            String name = cause instanceof EvalException eval ? eval.getExceptionClassName() : cause.getClass().getName();
            lines.add(MESSAGES.get("error.runtime.cause", name, cause.getMessage() == null ? "" : cause.getMessage()));
        }
        return new CellFailure(className, message, lines);
    }

    static CellFailure interrupted() {
        String text = MESSAGES.get("error.interrupted");
        return new CellFailure(MESSAGES.get("error.interrupted.name"), text, List.of(text));
    }

    static String unresolved(String name, List<String> missing) {
        return MESSAGES.get("warning.unresolved", name, String.join(", ", missing));
    }

    /**
     * The frames down to the deepest one in the student's code; below it is only the kernel.
     *
     * @param cellLines snippet id → cell line (1-based) where the snippet starts, for this cell
     */
    static List<String> userFrames(StackTraceElement[] frames, Map<String, Integer> cellLines) {
        int last = -1;
        for (int i = 0; i < frames.length; i++) {
            if (isSnippet(frames[i])) {
                last = i;
            }
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i <= last; i++) {
            lines.add("    " + MESSAGES.get("error.runtime.frame", describe(frames[i], cellLines)));
        }
        return lines;
    }

    private static boolean isSnippet(StackTraceElement frame) {
        return frame.getFileName() != null && frame.getFileName().startsWith(SNIPPET_FILE);
    }

    private static String describe(StackTraceElement frame, Map<String, Integer> cellLines) {
        if (!isSnippet(frame)) {
            return frame.toString();
        }
        String method = frame.getMethodName().isEmpty() || frame.getMethodName().equals("do_it$")
                ? MESSAGES.get("error.runtime.cell") : frame.getMethodName();
        Integer start = cellLines.get(frame.getFileName().substring(SNIPPET_FILE.length()));
        return start == null
                ? MESSAGES.get("error.runtime.earlier", method)
                : MESSAGES.get("error.runtime.line", method, start + Math.max(0, frame.getLineNumber() - 1));
    }
}
