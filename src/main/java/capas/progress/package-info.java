/**
 * The student's record of progress: one JSON line per check, prediction, hint or solution, in a
 * file of the student's own, so that the student, {@code ./lab progreso} and a classroom server
 * read the same thing. The format is documented in {@code docs/progreso.md}.
 */
package capas.progress;
