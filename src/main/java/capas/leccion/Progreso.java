package capas.leccion;

import capas.Messages;
import capas.progress.ProgressLog;
import capas.progress.ProgressSummary;
import capas.render.Displayable;
import capas.render.Html;
import capas.render.TableView;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The student's own progress, as a table for a notebook: every lesson check and práctica task
 * done so far, with its last verdict, and one summary line a notebook. The same table as
 * {@code ./lab progreso}.
 *
 * <pre>{@code
 * Progreso.mio()
 * }</pre>
 */
public final class Progreso implements Displayable {
    private static final Messages M = Messages.of(Progreso.class);

    private final ProgressLog record;
    private final ProgressSummary summary;

    private Progreso(ProgressLog record) {
        this.record = record;
        this.summary = ProgressSummary.of(record.read());
    }

    /** The progress of whoever runs this kernel. */
    public static Progreso mio() {
        return of(ProgressLog.ofThisUser());
    }

    /** The progress that {@code record} holds. */
    public static Progreso of(ProgressLog record) {
        return new Progreso(record);
    }

    public ProgressSummary summary() {
        return summary;
    }

    private TableView table() {
        return new TableView(M.get("progreso.caption", record.file()), summary.headers(), summary.rows());
    }

    @Override
    public String toString() {
        if (summary.isEmpty()) {
            return M.get("progreso.empty", record.file());
        }
        return table() + "\n" + String.join("\n", summary.summaries());
    }

    @Override
    public Map<String, String> toMimeBundle() {
        StringBuilder html = new StringBuilder();
        if (summary.isEmpty()) {
            html.append("<p>").append(Html.escape(M.get("progreso.empty", record.file()))).append("</p>");
        } else {
            html.append(table().toMimeBundle().get("text/html"));
            for (String line : summary.summaries()) {
                html.append("<p class=\"capas-progreso\">").append(Html.escape(line)).append("</p>");
            }
        }
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/html", html.toString());
        bundle.put("text/plain", toString());
        return bundle;
    }
}
