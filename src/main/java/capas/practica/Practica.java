package capas.practica;

import capas.CapasException;
import capas.Env;
import capas.Messages;
import capas.Mode;
import capas.lab.Capas;
import capas.progress.Action;
import capas.progress.ProgressEntry;
import capas.progress.ProgressLog;
import capas.render.Callout;
import capas.render.Displayable;
import capas.render.Tone;
import java.util.Arrays;
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
 * var p = Practica.abrir("p3-donde-esta-tu-fichero");
 * var lab = p.lab();              // its store; what it creates carries the lesson's label
 * p.preparar();                   // the starting point: containers, images…
 * p.comprobar(1);                 // a task done in the terminal
 * p.comprobar(3, respuesta);      // a task with an answer
 * p.pista(3);                     // the next hint
 * p.solucion(3);                  // the solution (not in an exam: CAPAS_EXAMEN=1)
 * }</pre>
 *
 * <p>Every check, hint and solution appends a line to the student's record
 * ({@link ProgressLog}); a record that cannot be written never stops a check.
 */
public final class Practica {
    private static final Messages M = Messages.of(Practica.class);

    /** Words of a wrong verdict kept in the record: enough to tell mistakes apart, not the whole feedback. */
    private static final int DETAIL_WORDS = 12;

    private final PracticaDefinition definition;
    private final Capas lab;
    private final Map<Integer, Task> tasks;
    private final Map<Integer, Integer> hintsGiven = new HashMap<>();
    private final ProgressLog record;
    private final boolean exam;

    Practica(PracticaDefinition definition, Capas lab, ProgressLog record, boolean exam) {
        this.definition = definition;
        this.lab = lab;
        this.tasks = new LinkedHashMap<>(definition.tasks(lab));
        this.record = record;
        this.exam = exam;
    }

    /** Opens práctica {@code id} (the name of its notebook) on the store its tasks use. */
    public static Practica abrir(String id) {
        PracticaDefinition definition = PracticaCatalog.get(id);
        Capas lab = definition.mode() == Mode.ROOTLESS ? Capas.rootless() : Capas.rootful();
        return new Practica(definition, lab.forLesson(PracticaCatalog.lessonOf(id)), ProgressLog.ofThisUser(), Env.exam());
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
        Verdict verdict;
        try {
            verdict = t.check(answer);
        } catch (CapasException e) {
            if (!e.kind().domain()) {
                throw e;
            }
            // What the store says (no such container…) is feedback too, not a crash.
            verdict = Verdict.wrong(task, e.getMessage());
        }
        note(task, Action.CHECK, verdict.correct(), verdict.correct() ? "" : firstWords(verdict.message()));
        return verdict;
    }

    /** The next hint for {@code task}, one more each time it is asked. */
    public Displayable pista(int task) {
        task(task);
        int n = hintsGiven.merge(task, 1, Integer::sum);
        String key = "t" + task + ".pista." + n;
        if (!text().has(key)) {
            hintsGiven.put(task, n - 1);
            return Callout.of(Tone.NOTE, M.get(exam ? "practica.no.more.hints.exam" : "practica.no.more.hints", n - 1));
        }
        note(task, Action.HINT, null, String.valueOf(n));
        return new Callout(Tone.WARN, M.get("practica.hint", n), text().get(key), List.of());
    }

    /**
     * The solution of {@code task}: only when the student asks for it, and never in an exam
     * ({@code CAPAS_EXAMEN=1}), where it is refused and nothing is recorded.
     */
    public Displayable solucion(int task) {
        task(task);
        if (exam) {
            return new Callout(Tone.BAD, M.get("practica.exam.lead"), M.get("practica.exam.no.solution", task), List.of());
        }
        note(task, Action.SOLUTION, null, "");
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

    /** Whether this práctica runs as an exam (no solutions). */
    public boolean examen() {
        return exam;
    }

    private void note(int task, Action action, Boolean correct, String detail) {
        record.keep(ProgressEntry.now(definition.id(), String.valueOf(task), action, correct, hintsGiven.getOrDefault(task, 0), detail));
    }

    /** The first words of {@code message}, for the record: the whole feedback is the student's to read, not to log. */
    static String firstWords(String message) {
        String[] words = message.strip().split("\\s+");
        if (words.length <= DETAIL_WORDS) {
            return String.join(" ", words);
        }
        return String.join(" ", Arrays.copyOf(words, DETAIL_WORDS)) + " …";
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
