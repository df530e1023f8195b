package capas.doctor;

/**
 * One check of the diagnosis: looks at the {@link Host} it was given and says how it came
 * out, with the fix (and, where safe, the {@link Repair}) when it is not OK.
 */
@FunctionalInterface
interface HostCheck {
    Check run();
}
