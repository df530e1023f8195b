package capas.leccion.catalog;

import capas.Messages;
import capas.leccion.Checked;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a lesson judges the student's free-text predictions: by the words an answer uses, accents
 * and case aside. An empty answer, or the notebook's placeholder left as it was, is "no
 * prediction" (shown, never failing). The sentences come from the lesson's own bundle (keys
 * {@code prediccion.ninguna}, {@code prediccion.tuya}, {@code prediccion.resultado}).
 */
final class Predictions {
    /** What the notebook's prediction cells hold until the student writes an answer. */
    static final String PLACEHOLDER = "tu respuesta aqui";

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

    /**
     * @param question the question, as the notebook asks it
     * @param answer   the student's answer, if any
     * @param right    whether it came true (ignored without an answer)
     * @param truth    what happened on this machine
     */
    static Checked judge(Messages m, String question, Optional<String> answer, boolean right, String truth) {
        Optional<String> a = given(answer);
        if (a.isEmpty()) {
            return Checked.prediction(false, m.get("prediccion.ninguna", question), m.get("prediccion.resultado", truth));
        }
        return Checked.prediction(right, m.get("prediccion.tuya", question, a.get()), m.get("prediccion.resultado", truth));
    }
}
