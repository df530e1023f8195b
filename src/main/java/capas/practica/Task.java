package capas.practica;

/** One task of a práctica: checks an answer against the real store. */
@FunctionalInterface
public interface Task {
    /**
     * @param answer what the student gave (may be {@code null}: tasks done in the terminal take none)
     * @return the verdict; a wrong answer is a verdict, never an exception
     */
    Verdict check(Object answer);
}
