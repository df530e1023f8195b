package capas.doctor;

/**
 * A change to the machine that makes one failed check pass. Applied only when asked
 * ({@code ./lab doctor --arreglar}) and only as root: a student's own laptop gets none of them
 * by running the lab.
 */
@FunctionalInterface
public interface Repair {
    /**
     * Makes the change.
     *
     * @param root runs a command as root
     * @return what was done, in Spanish, for the person who asked
     * @throws capas.CapasException when the change could not be made
     */
    String apply(AsRoot root);
}
