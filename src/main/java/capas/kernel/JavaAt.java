package capas.kernel;

import java.util.List;

/**
 * The Java snippet under the cursor, for completion and inspection: JShell analyses one
 * snippet, while Jupyter sends the whole cell and a cursor offset in it.
 */
record JavaAt(String source, int cursor, int offset) {

    /** Where {@code relative} (an offset in {@link #source()}) lies in the cell. */
    int absolute(int relative) {
        return offset + relative;
    }

    /** The snippet around {@code at}, or {@code null} when the cursor is on a magic. */
    static JavaAt find(String code, int at, SnippetSplitter splitter) {
        int lineStart = 0;
        int line = 0;
        for (Cell.Part part : Cell.parse(code).parts()) {
            while (line < part.firstLine()) {
                lineStart = code.indexOf('\n', lineStart) + 1;
                line++;
            }
            if (part.kind() != Cell.Kind.JAVA) {
                continue;
            }
            int end = Math.min(code.length(), lineStart + part.body().length());
            if (at < lineStart || at > end) {
                continue;
            }
            String body = code.substring(lineStart, end);
            int cursor = at - lineStart;
            List<SnippetSplitter.Span> spans = splitter.split(body);
            SnippetSplitter.Span chosen = null;
            for (SnippetSplitter.Span span : spans) {
                if (span.start() <= cursor) {
                    chosen = span;
                }
            }
            if (chosen == null) {
                return new JavaAt(body, cursor, lineStart);
            }
            String source = body.substring(chosen.start(), Math.max(cursor, Math.min(body.length(), chosen.end())));
            return new JavaAt(source, cursor - chosen.start(), lineStart + chosen.start());
        }
        return null;
    }
}
