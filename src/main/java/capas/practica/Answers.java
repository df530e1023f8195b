package capas.practica;

import java.util.Locale;
import java.util.Optional;

/**
 * How students write the things prácticas ask for, read in one place so that every práctica
 * accepts the same forms.
 */
public final class Answers {
    /** The characters podman shows of an id; a shorter prefix is not accepted as an answer. */
    public static final int SHORT_ID = 12;

    private Answers() {
    }

    /**
     * An id as the student may give it: full or its first {@value #SHORT_ID} characters (or
     * more), with or without {@code sha256:}, in any case, with spaces around.
     *
     * @return the lower-case prefix, or empty when it is no id prefix of at least {@value #SHORT_ID} hex digits
     */
    public static Optional<String> idPrefix(Object answer) {
        String given = answer == null ? "" : answer.toString().strip().toLowerCase(Locale.ROOT).replaceFirst("^sha256:", "");
        return given.matches("[0-9a-f]{" + SHORT_ID + ",64}") ? Optional.of(given) : Optional.empty();
    }

    /** Whether {@code prefix} names {@code id} (full, short or anything between). */
    public static boolean names(String prefix, String id) {
        return id != null && id.startsWith(prefix);
    }
}
