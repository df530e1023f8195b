package capas.lab;

import capas.CapasException;
import capas.Messages;
import capas.render.Displayable;
import capas.render.Html;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A práctica: tasks the student does, each checked on the real store, with graded Spanish
 * feedback, one hint at a time, and the solution only when asked.
 *
 * <p>The student-facing methods keep the Spanish names the course uses ({@code comprobar},
 * {@code pista}, {@code solucion}): students type them in Spanish notebooks.
 *
 * <pre>{@code
 * var p = Practica.abrir("p1-donde-esta-tu-fichero");
 * p.comprobar(1);                 // a task done in the terminal
 * p.comprobar(3, respuesta);      // a task with an answer
 * p.pista(3);                     // the next hint
 * p.solucion(3);                  // the solution
 * }</pre>
 */
public final class Practica {
    private static final Messages M = Messages.of(Practica.class);
    /** Every práctica, by id: each is a small class that knows its checks. */
    private static final Map<String, Function<Capas, Map<Integer, Task>>> CATALOG = Map.of(
            WhereIsYourFile.ID, WhereIsYourFile::tasks,
            CopyUpAndWhiteout.ID, CopyUpAndWhiteout::tasks);

    private final String id;
    private final Map<Integer, Task> tasks;
    private final Map<Integer, Integer> hintsGiven = new HashMap<>();

    private Practica(String id, Map<Integer, Task> tasks) {
        this.id = id;
        this.tasks = tasks;
    }

    /** Opens práctica {@code id} on the mode its tasks use. */
    public static Practica abrir(String id) {
        Function<Capas, Map<Integer, Task>> tasks = CATALOG.get(id);
        if (tasks == null) {
            throw new CapasException(M.get("practica.unknown", id, String.join(", ", CATALOG.keySet())));
        }
        return new Practica(id, new LinkedHashMap<>(tasks.apply(Capas.rootful())));
    }

    /** Checks a task done in the terminal (no answer to give). */
    public Verdict comprobar(int task) {
        return comprobar(task, null);
    }

    /** Checks the answer to {@code task} against the real store. */
    public Verdict comprobar(int task, Object answer) {
        Task t = tasks.get(task);
        if (t == null) {
            throw new CapasException(M.get("practica.no.task", id, task, tasks.size()));
        }
        try {
            return t.check(answer);
        } catch (CapasException e) {
            // What the store says (no such container…) is feedback too, not a crash.
            return Verdict.wrong(task, e.getMessage());
        }
    }

    /** The next hint for {@code task}, one more each time it is asked. */
    public Displayable pista(int task) {
        int n = hintsGiven.merge(task, 1, Integer::sum);
        String key = key(task, "pista." + n);
        if (!M.has(key)) {
            n = n - 1;
            hintsGiven.put(task, n);
            return note(M.get("practica.no.more.hints", n), "#57606a");
        }
        return note(M.get("practica.hint", n) + " " + M.get(key), "#9a6700");
    }

    /** The solution of {@code task}: only when the student asks for it. */
    public Displayable solucion(int task) {
        return note(M.get("practica.solution") + " " + M.get(key(task, "solucion")), "#1d4f91");
    }

    private String key(int task, String what) {
        return id + ".t" + task + "." + what;
    }

    private static Displayable note(String text, String color) {
        return new Displayable() {
            @Override
            public Map<String, String> toMimeBundle() {
                Map<String, String> bundle = new LinkedHashMap<>();
                bundle.put("text/html", "<div style=\"border-left:4px solid " + color + ";padding:6px 10px\">" + Html.escape(text) + "</div>");
                bundle.put("text/plain", text);
                return bundle;
            }

            @Override
            public String toString() {
                return text;
            }
        };
    }
}
