package capas.kernel;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

/**
 * Cuts Java source into the snippets JShell evaluates one at a time, remembering where each one
 * starts so that errors, completion and inspection can point back into the cell.
 */
final class SnippetSplitter {
    /** One snippet: its source as JShell wants it, and its place in the cell. */
    record Span(String source, int start, int end, Completeness completeness) {
        boolean contains(int offset) {
            return offset >= start && offset <= end;
        }
    }

    private final SourceCodeAnalysis analysis;

    SnippetSplitter(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
    }

    List<Span> split(String code) {
        List<Span> spans = new ArrayList<>();
        int offset = 0;
        String rest = code;
        while (!rest.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness c = info.completeness();
            if (c == Completeness.EMPTY) {
                break;
            }
            if (!c.isComplete() || info.source() == null) {
                // Incomplete or unparsable tail: JShell itself reports what is wrong with it.
                spans.add(new Span(rest, offset, code.length(), c));
                break;
            }
            int consumed = rest.length() - info.remaining().length();
            // source() starts where rest does (leading blanks included): diagnostics count from there.
            spans.add(new Span(info.source(), offset, offset + consumed, c));
            offset += consumed;
            rest = info.remaining();
        }
        return spans;
    }
}
