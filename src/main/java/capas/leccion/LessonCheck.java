package capas.leccion;

import java.util.List;

/**
 * One Comprueba of a lesson: reads the real store (through {@code lesson.lab()}) and says, claim
 * by claim, whether what the lesson teaches holds on this machine.
 */
@FunctionalInterface
public interface LessonCheck {
    /**
     * @param lesson the open lesson: its store, the student's predictions, what earlier checks kept
     * @param data   what the notebook passes along (a value read before the cell changed it), in order
     * @return the claims checked, in the order the student reads them
     */
    List<Checked> check(Leccion lesson, List<Object> data);
}
