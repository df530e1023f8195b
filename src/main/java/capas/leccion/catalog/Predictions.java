package capas.leccion.catalog;

import capas.Messages;
import capas.leccion.Checked;
import capas.leccion.Leccion;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/** How the student's predictions are read and judged: loosely (case, accents), never failing. */
final class Predictions {
    private static final Messages M = Messages.forClass(Predictions.class);

    private Predictions() {
    }

    /** {@code "Sí, claro"} → {@code "si, claro"}: what a student types, without case and accents. */
    static String plain(String answer) {
        String nfd = Normalizer.normalize(answer == null ? "" : answer, Normalizer.Form.NFD);
        return nfd.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).strip();
    }

    /** Whether the answer says yes ({@code sí}, {@code si}, {@code yes}), no, or neither. */
    static Optional<Boolean> yesNo(String answer) {
        String a = plain(answer);
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
        return plain(answer).contains(plain(word));
    }

    /**
     * The prediction's line of a checklist: the question, what the student said and what happened.
     * Nothing when the student wrote no prediction for {@code question}.
     */
    static List<Checked> judged(Optional<String> answer, Predicate<String> right, String question, String happened) {
        return answer.map(a -> List.of(Checked.prediction(right.test(a), M.get("prediction.claim", question),
                M.get("prediction.evidence", a, happened)))).orElse(List.of());
    }

    static List<Checked> judged(Leccion lesson, String key, Predicate<String> right, String question, String happened) {
        return judged(lesson.prediction(key), right, question, happened);
    }
}
