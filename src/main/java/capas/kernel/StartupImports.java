package capas.kernel;

import java.util.List;

/**
 * The imports every session starts with, so lessons use the library without ceremony.
 *
 * <p>Library packages are imported only when they hold a class: javac rejects an on-demand
 * import of a package it cannot find, and packages fill in over time.
 */
final class StartupImports {
    static final List<String> LIBRARY = List.of(
            "capas", "capas.store", "capas.podman", "capas.context", "capas.render", "capas.lab", "capas.doctor", "capas.practica", "capas.leccion");
    static final List<String> JDK = List.of("java.util", "java.nio.file", "java.io");
    static final String STATICS = "import static capas.kernel.Notebook.*;";

    private StartupImports() {
    }

    static String importOf(String pkg) {
        return "import " + pkg + ".*;";
    }
}
