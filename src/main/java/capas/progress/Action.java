package capas.progress;

/** What the student did, as written in the record ({@link #word()}). */
public enum Action {
    /** A lesson's Comprueba or a práctica's {@code comprobar}. */
    CHECK("check"),
    /** A prediction written before the cell that answers it. */
    PREDICTION("prediction"),
    /** A práctica's {@code pista}. */
    HINT("hint"),
    /** A práctica's {@code solucion}. */
    SOLUTION("solution"),
    /**
     * The notebook was reset ({@code reiniciar}): a fresh copy replaced the student's, and every
     * earlier line of that notebook no longer counts in {@link ProgressSummary}. The lines stay in
     * the record: it is only ever appended to.
     */
    RESET("reset");

    private final String word;

    Action(String word) {
        this.word = word;
    }

    /** The word in the record: stable, whatever the enum's name becomes. */
    public String word() {
        return word;
    }

    /** The action whose word is {@code word}. */
    public static Action ofWord(String word) {
        for (Action a : values()) {
            if (a.word.equals(word)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown action: " + word);
    }
}
