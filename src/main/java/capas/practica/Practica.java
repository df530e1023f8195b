package capas.practica;

import capas.CapasException;
import capas.Messages;
import capas.Mode;
import capas.lab.Capas;
import capas.render.Callout;
import capas.render.Displayable;
import capas.render.Tone;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    private final PracticaDefinition definition;
    private final Capas lab;
    private final Map<Integer, Task> tasks;
    private final Map<Integer, Integer> hintsGiven = new HashMap<>();

    Practica(PracticaDefinition definition, Capas lab) {
        this.definition = definition;
        this.lab = lab;
        this.tasks = new LinkedHashMap<>(definition.tasks(lab));
    }

    /** Opens práctica {@code id} (the name of its notebook) on the store its tasks use. */
    public static Practica abrir(String id) {
        PracticaDefinition definition = PracticaCatalog.get(id);
        Capas lab = definition.mode() == Mode.ROOTLESS ? Capas.rootless() : Capas.rootful();
        return new Practica(definition, lab.forLesson(PracticaCatalog.lessonOf(id)));
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
        return Callout.of(Tone.NOTE, definition.prepare(lab));
    }

    /** Checks a task done in the terminal (no answer to give). */
    public Verdict comprobar(int task) {
        return comprobar(task, null);
    }

    /**
     * Checks the answer to {@code task} against the real store.
     *
     * @throws CapasException when the machine, not the answer, is at fault (sudo wants a
     *     password, the probe died…): that is no verdict on the student's work
     */
    public Verdict comprobar(int task, Object answer) {
        Task t = task(task);
        try {
            return t.check(answer);
        } catch (CapasException e) {
            if (!e.kind().domain()) {
                throw e;
            }
            // What the store says (no such container…) is feedback too, not a crash.
            return Verdict.wrong(task, e.getMessage());
        }
    }

    /** The next hint for {@code task}, one more each time it is asked. */
    public Displayable pista(int task) {
        task(task);
        int n = hintsGiven.merge(task, 1, Integer::sum);
        String key = "t" + task + ".pista." + n;
        if (!text().has(key)) {
            hintsGiven.put(task, n - 1);
            return Callout.of(Tone.NOTE, M.get("practica.no.more.hints", n - 1));
        }
        return new Callout(Tone.WARN, M.get("practica.hint", n), text().get(key), List.of());
    }

    /** The solution of {@code task}: only when the student asks for it. */
    public Displayable solucion(int task) {
        task(task);
        return new Callout(Tone.INFO, M.get("practica.solution"), text().get("t" + task + ".solucion"), List.of());
    }

    /** The hints {@code task} has, for tests and instructors. */
    public int hints(int task) {
        int n = 0;
        while (text().has("t" + task + ".pista." + (n + 1))) {
            n++;
        }
        return n;
    }

    /** The práctica's own Spanish: hints and solutions. */
    private Messages text() {
        return Messages.forClass(definition.getClass());
    }

    private Task task(int task) {
        Task t = tasks.get(task);
        if (t == null) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("practica.no.task", definition.id(), task, tasks.size()));
        }
        return t;
    }
}
