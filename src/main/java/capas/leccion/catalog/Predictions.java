package capas.leccion.catalog;

import capas.Messages;
import capas.leccion.Checked;
import capas.leccion.Leccion;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * How a lesson reads and judges the student's free-text predictions: by the words an answer
 * uses, accents and case aside, and never failing a check. An empty answer, or the notebook's
 * placeholder left as it was, is "no prediction".
 */
final class Predictions {
    /** What the notebook's prediction cells hold until the student writes an answer. */
    static final String PLACEHOLDER = "tu respuesta aqui";
    private static final Messages M = Messages.forClass(Predictions.class);

    private Predictions() {
    }

    /** Lower case, without accents or surrounding blanks: «Sí, lower1» → "si, lower1". */
    static String normalize(String answer) {
        String plain = Normalizer.normalize(answer == null ? "" : answer, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).strip();
    }

    /** The answer, if the student wrote one (not blank, not the placeholder). */
    static Optional<String> given(Optional<String> answer) {
        return answer.filter(a -> !normalize(a).isEmpty() && !normalize(a).equals(PLACEHOLDER));
    }

    /** Whether the answer uses one of {@code right} and none of {@code wrong} (all normalized). */
    static boolean says(String answer, List<String> right, List<String> wrong) {
        String a = normalize(answer);
        return right.stream().anyMatch(a::contains) && wrong.stream().noneMatch(a::contains);
    }

    /** Whether the answer's first number is {@code expected}. */
    static boolean saysNumber(String answer, long expected) {
        var m = java.util.regex.Pattern.compile("\\d+").matcher(answer);
        return m.find() && Long.parseLong(m.group()) == expected;
    }

    /** Whether the answer says yes ({@code sí}, {@code si}, {@code yes}), no, or neither. */
    static Optional<Boolean> yesNo(String answer) {
        String a = normalize(answer);
        if (a.matches("^(si|yes|s)\\b.*")) {
            return Optional.of(true);
        }
        if (a.matches("^(no|n)\\b.*")) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    /** Whether the answer names {@code word} (any case, any accent). */
    static boolean names(String answer, String word) {
        return normalize(answer).contains(normalize(word));
    }

    /**
     * The prediction's line of a checklist; without an answer, a line that says so (never failing).
     *
     * @param question the question, as the notebook asks it
     * @param answer   the student's answer, if any
     * @param right    whether it came true (ignored without an answer)
     * @param truth    what happened on this machine
     */
    static Checked judge(String question, Optional<String> answer, boolean right, String truth) {
        Optional<String> a = given(answer);
        if (a.isEmpty()) {
            return Checked.prediction(false, M.get("prediccion.ninguna", question), M.get("prediccion.resultado", truth));
        }
        return Checked.prediction(right, M.get("prediccion.tuya", question, a.get()), M.get("prediccion.resultado", truth));
    }

    /** The prediction's line of a checklist: the question, what the student said and what happened. */
    static List<Checked> judged(Optional<String> answer, Predicate<String> right, String question, String happened) {
        return List.of(judge(question, answer, given(answer).map(right::test).orElse(false), happened));
    }

    static List<Checked> judged(Leccion lesson, String key, Predicate<String> right, String question, String happened) {
        return judged(lesson.prediction(key), right, question, happened);
    }
}
