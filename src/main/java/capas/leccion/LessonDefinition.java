package capas.leccion;

import capas.Mode;
import java.util.Map;

/** A lesson notebook's checks: its id ({@code 03}), its store, and its Comprueba by name. */
public interface LessonDefinition {
    /** The notebook's number, which is also the label on what it creates: {@code 03}. */
    String id();

    /** The store the lesson works on. */
    Mode mode();

    /** Every Comprueba, by the name the notebook calls it with, in the notebook's order. */
    Map<String, LessonCheck> checks();

    /** The title a check shows above its list, from the lesson's bundle. */
    String title(String check);
}
