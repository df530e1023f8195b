package capas.aula;

import java.util.Optional;

/** What an account is in the classroom: its word in the roster and in {@code cuentas.json}, and its Hub group. */
public enum Role {
    /** A student: gets a container of their own and a row in the class grid. */
    ALUMNO("alumno", "alumnos"),
    /** A teacher: uses the panel, has no container of their own. */
    PROFESOR("profesor", "profesores");

    private final String word;
    private final String group;

    Role(String word, String group) {
        this.word = word;
        this.group = group;
    }

    /** The word in the roster and in {@code cuentas.json}. */
    public String word() {
        return word;
    }

    /** The Hub group the authenticator puts the account in. */
    public String group() {
        return group;
    }

    /** The role whose word is {@code word}, if any. */
    public static Optional<Role> ofWord(String word) {
        for (Role r : values()) {
            if (r.word.equals(word)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
