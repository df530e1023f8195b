package capas.cli;

import capas.practica.PracticaCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The lessons that can be reset: the id of each notebook and práctica ({@code 03}, {@code p1}…),
 * which is the label {@value capas.Labels#LESSON} their containers carry.
 */
final class Lessons {
    private static final String NOTEBOOK = ".ipynb";

    private Lessons() {
    }

    /**
     * The lesson id that {@code given} names: an id ({@code 03}, {@code p1}), a notebook file
     * name or path ({@code labs/p3-donde-esta-tu-fichero.ipynb}) or a práctica id. The part
     * before the first dash, as {@link PracticaCatalog#lessonOf} gives a práctica's label.
     */
    static String idOf(String given) {
        Path file = Path.of(given).getFileName();
        String name = file == null ? given : file.toString();
        if (name.endsWith(NOTEBOOK)) {
            name = name.substring(0, name.length() - NOTEBOOK.length());
        }
        return PracticaCatalog.lessonOf(name);
    }

    /** The ids of {@code files} ({@code *.ipynb} names), plus {@code practicas}, sorted and once each. */
    static List<String> catalogue(Collection<String> files, Collection<String> practicas) {
        TreeSet<String> ids = new TreeSet<>();
        files.stream().filter(f -> f.endsWith(NOTEBOOK)).map(Lessons::idOf).forEach(ids::add);
        practicas.stream().map(PracticaCatalog::lessonOf).forEach(ids::add);
        return List.copyOf(ids);
    }

    /** The lessons of this checkout: its notebooks and prácticas, and the prácticas the jar knows. */
    static List<String> ofCheckout() {
        List<String> files = Stream.of(Checkout.notebooks(), Checkout.labs()).flatMap(Lessons::names).toList();
        return catalogue(files, PracticaCatalog.ids());
    }

    /** The lesson {@code given} names, if the catalogue has it. */
    static Optional<String> find(String given, List<String> catalogue) {
        String id = idOf(given);
        return catalogue.contains(id) ? Optional.of(id) : Optional.empty();
    }

    private static Stream<String> names(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
