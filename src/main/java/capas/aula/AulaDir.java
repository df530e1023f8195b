package capas.aula;

import capas.Env;
import java.nio.file.Path;

/**
 * The classroom server's state folder (root's, mode 0700): {@code /var/lib/capas-aula}, or the
 * folder {@code CAPAS_AULA_DIR} names (tests, a second classroom on one machine). The Hub's
 * authenticator reads the same variable.
 */
public final class AulaDir {
    /** The variable that moves the folder. */
    public static final String VARIABLE = Env.AULA_DIR;
    /** The folder when {@link #VARIABLE} is unset. */
    public static final Path DEFAULT = Path.of("/var/lib/capas-aula");

    private AulaDir() {
    }

    /** {@code $CAPAS_AULA_DIR}, else {@link #DEFAULT}. */
    public static Path of() {
        return Path.of(Env.get(VARIABLE, DEFAULT.toString()));
    }

    /** Where the accounts are: {@code cuentas.json} in {@code dir}. */
    public static Path accounts(Path dir) {
        return dir.resolve(Accounts.FILE);
    }
}
