package capas.leccion;

import capas.CapasException;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lesson notebook's side of the library: its store, its one-line Comprueba cells, and the
 * student's predictions.
 *
 * <p>The student-facing methods keep the Spanish names the course uses, as {@code Practica} does.
 *
 * <pre>{@code
 * var leccion = Leccion.abrir("03");
 * var lab = leccion.lab();                          // what its podman creates carries the label 03
 * leccion.predigo("capa-de-tmpfile", "contenedor");  // before the cell that answers it
 * leccion.comprueba("fichero-en-la-capa");           // the Comprueba: a checklist, ✓ or ✗ each
 * }</pre>
 */
public final class Leccion {
    private static final Messages M = Messages.of(Leccion.class);

    private final LessonDefinition definition;
    private final Capas lab;
    private final ProgressLog record;
    private final Map<String, String> predictions = new HashMap<>();
    private final Map<String, Object> kept = new HashMap<>();

    Leccion(LessonDefinition definition, Capas lab, ProgressLog record) {
        this.definition = definition;
        this.lab = lab;
        this.record = record;
    }

    /** Opens lesson {@code id} ({@code "03"}) on the store it works on. */
    public static Leccion abrir(String id) {
        LessonDefinition definition = LessonCatalog.get(id);
        Capas lab = definition.mode() == Mode.ROOTLESS ? Capas.rootless() : Capas.rootful();
        return new Leccion(definition, lab.forLesson(definition.id()), ProgressLog.ofThisUser());
    }

    /** The lesson's store; what its podman creates carries the lesson's label. */
    public Capas lab() {
        return lab;
    }

    public String id() {
        return definition.id();
    }

    /**
     * Runs the Comprueba {@code check} on the real store and records its verdict.
     *
     * @param datos values the notebook read earlier and the check compares against (rarely needed)
     * @throws CapasException when the machine, not the lesson, is at fault (sudo wants a password…)
     */
    public Checklist comprueba(String check, Object... datos) {
        LessonCheck c = definition.checks().get(check);
        if (c == null) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT,
                    M.get("leccion.no.check", definition.id(), check, String.join(", ", definition.checks().keySet())));
        }
        List<Checked> items;
        try {
            items = c.check(this, Arrays.asList(datos));
        } catch (CapasException e) {
            if (!e.kind().domain()) {
                throw e;
            }
            // What the store says (no such container…) is the answer of the check, not a crash.
            items = List.of(Checked.claim(false, M.get("leccion.store.says"), e.getMessage()));
        }
        Checklist list = new Checklist(definition.title(check), items);
        note(check, Action.CHECK, list.passed(), list.firstFailure());
        for (Checked i : items) {
            if (i.kind() == Checked.Kind.PREDICTION) {
                note(check, Action.PREDICTION, i.holds(), i.claim());
            }
        }
        return list;
    }

    /**
     * Writes down the student's prediction for {@code question} before the cell that answers it;
     * the Comprueba of that section says whether it came true. Never blocks: any answer is kept.
     */
    public Displayable predigo(String question, Object answer) {
        String text = String.valueOf(answer).strip();
        predictions.put(question, text);
        return Callout.of(Tone.NOTE, M.get("leccion.prediction.kept", text));
    }

    /** The student's prediction for {@code question}, if one was written in this kernel. */
    public Optional<String> prediction(String question) {
        return Optional.ofNullable(predictions.get(question));
    }

    /** Keeps a value an earlier check saw (a layer id before the container is removed) for a later one. */
    public void keep(String key, Object value) {
        kept.put(key, value);
    }

    /** A value kept by an earlier check of this kernel. */
    public <T> Optional<T> kept(String key, Class<T> type) {
        return Optional.ofNullable(kept.get(key)).filter(type::isInstance).map(type::cast);
    }

    private void note(String step, Action action, Boolean correct, String detail) {
        record.keep(ProgressEntry.now(definition.id(), step, action, correct, 0, detail));
    }
}
