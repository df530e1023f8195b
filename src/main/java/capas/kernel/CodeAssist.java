package capas.kernel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jdk.jshell.SourceCodeAnalysis;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * Help while typing: Tab (completion), Shift-Tab (signature and javadoc) and whether a console
 * line is complete, all answered by JShell's own source analysis.
 */
final class CodeAssist {
    private final JShellSession session;

    CodeAssist(JShellSession session) {
        this.session = session;
    }

    DisplayData inspect(String code, int at) {
        JavaAt target = JavaAt.find(code, at, session.splitter());
        if (target == null) {
            return null;
        }
        List<SourceCodeAnalysis.Documentation> docs = documentation(target.source(), target.cursor());
        if (docs.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (SourceCodeAnalysis.Documentation doc : docs) {
            if (text.length() > 0) {
                text.append("\n\n");
            }
            text.append(doc.signature());
            if (doc.javadoc() != null && !doc.javadoc().isBlank()) {
                text.append("\n\n").append(doc.javadoc().strip());
            }
        }
        return new DisplayData(text.toString());
    }

    /**
     * What JShell documents for the name under the cursor. JShell reads only the code before the
     * cursor and documents a method only from inside its parentheses, while students press
     * Shift-Tab anywhere on a name and before typing its {@code (}.
     */
    private List<SourceCodeAnalysis.Documentation> documentation(String source, int cursor) {
        SourceCodeAnalysis analysis = session.analysis();
        int end = cursor;
        while (end < source.length() && Character.isJavaIdentifierPart(source.charAt(end))) {
            end++;
        }
        if (end < source.length() && source.charAt(end) == '(') {
            List<SourceCodeAnalysis.Documentation> call = analysis.documentation(source, end + 1, true);
            if (!call.isEmpty()) {
                return call;
            }
        }
        // A variable, field or class is documented from the end of its name: its type.
        List<SourceCodeAnalysis.Documentation> name = analysis.documentation(source, end, true);
        if (!name.isEmpty() || end == 0 || !Character.isJavaIdentifierPart(source.charAt(end - 1))) {
            return name;
        }
        // A method name not followed by its parenthesis yet: ask as if it were.
        return analysis.documentation(source.substring(0, end) + "(", end + 1, true);
    }

    ReplacementOptions complete(String code, int at) {
        JavaAt target = JavaAt.find(code, at, session.splitter());
        if (target == null) {
            return null;
        }
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions =
                session.analysis().completionSuggestions(target.source(), target.cursor(), anchor);
        Set<String> options = new LinkedHashSet<>();
        suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType)
                .forEach(s -> options.add(s.continuation()));
        suggestions.forEach(s -> options.add(s.continuation()));
        return new ReplacementOptions(new ArrayList<>(options), target.absolute(anchor[0]), at);
    }

    String isComplete(String code) {
        Cell cell = Cell.parse(code);
        if (!cell.isOnlyJava() || code.isBlank()) {
            return BaseKernel.IS_COMPLETE_YES;
        }
        List<SnippetSplitter.Span> spans = session.splitter().split(code);
        if (spans.isEmpty()) {
            return BaseKernel.IS_COMPLETE_YES;
        }
        return switch (spans.get(spans.size() - 1).completeness()) {
            case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> "    ";
            case UNKNOWN -> BaseKernel.IS_COMPLETE_BAD;
            default -> BaseKernel.IS_COMPLETE_YES;
        };
    }
}
