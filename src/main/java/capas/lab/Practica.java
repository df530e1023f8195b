package capas.lab;

import capas.CapasException;
import capas.Messages;
import capas.render.Displayable;
import capas.render.Html;
import capas.store.Mode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A práctica: tasks the student does, each checked on the real store, with graded Spanish
 * feedback, one hint at a time, and the solution only when asked.
 *
 * <p>The student-facing methods keep the Spanish names the course uses ({@code comprobar},
 * {@code pista}, {@code solucion}): students type them in Spanish notebooks.
 *
 * <pre>{@code
 * var p = Practica.abrir("p1-donde-esta-tu-fichero");
 * var lab = p.lab();              // its store; what it creates carries the lesson's label
 * p.preparar();                   // the starting point: containers, images…
 * p.comprobar(1);                 // a task done in the terminal
 * p.comprobar(3, respuesta);      // a task with an answer
 * p.pista(3);                     // the next hint
 * p.solucion(3);                  // the solution
 * }</pre>
 */
public final class Practica {
    private static final Messages M = Messages.of(Practica.class);
    /** Every práctica, by id: each is a small class that knows its store, its start and its checks. */
    private static final Map<String, Supplier<Exercise>> CATALOG = new TreeMap<>(Map.of(
            WhereIsYourFile.ID, WhereIsYourFile::new,
            CopyUpAndWhiteout.ID, CopyUpAndWhiteout::new,
            HostUids.ID, HostUids::new,
            FreeTheImage.ID, FreeTheImage::new));

    private final String id;
    private final Exercise exercise;
    private final Capas lab;
    private final Map<Integer, Task> tasks;
    private final Map<Integer, Integer> hintsGiven = new HashMap<>();

    private Practica(String id, Exercise exercise, Capas lab) {
        this.id = id;
        this.exercise = exercise;
        this.lab = lab;
        this.tasks = new LinkedHashMap<>(exercise.tasks(lab));
    }

    /** Opens práctica {@code id} on the store its tasks use. */
    public static Practica abrir(String id) {
        Supplier<Exercise> exercise = CATALOG.get(id);
        if (exercise == null) {
            throw new CapasException(M.get("practica.unknown", id, String.join(", ", CATALOG.keySet())));
        }
        Exercise e = exercise.get();
        Capas lab = e.mode() == Mode.ROOTLESS ? Capas.rootless() : Capas.rootful();
        return new Practica(id, e, lab.forLesson(lessonOf(id)));
    }

    /** The lesson label of a práctica: {@code p1} for {@code p1-donde-esta-tu-fichero}. */
    static String lessonOf(String id) {
        int dash = id.indexOf('-');
        return dash < 0 ? id : id.substring(0, dash);
    }

    /** The store this práctica works on; what its podman creates carries the práctica's lesson label. */
    public Capas lab() {
        return lab;
    }

    /**
     * Creates what the práctica starts from (replacing what an earlier run of it left) and says
     * what it made.
     */
    public Displayable preparar() {
        return note(exercise.prepare(lab), "#57606a");
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
