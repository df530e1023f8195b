/**
 * The lessons' checks: each Comprueba of a lesson notebook is one line,
 * {@code leccion.comprueba("…")}, and the check itself lives here, in Java, beside the
 * prácticas'. A check answers with a {@link capas.leccion.Checklist}: what was checked, against
 * what, ✓ or ✗ with the reason. Predictions the student writes before a cell are judged there
 * too, never blocking. Every check and prediction goes to the student's record of progress.
 */
package capas.leccion;
