package capas.practica;

import capas.CapasException;
import capas.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Every práctica, found in package {@value #PACKAGE}: a new práctica is picked up by the engine,
 * the reset, the export and the CI variants from its class alone, with no list to update.
 */
public final class PracticaCatalog {
    /** Where práctica classes live; each public class there implementing {@link PracticaDefinition} is one. */
    public static final String PACKAGE = "capas.practica.catalog";
    private static final Messages M = Messages.of(PracticaCatalog.class);
    private static volatile Map<String, Class<? extends PracticaDefinition>> byId;

    private PracticaCatalog() {
    }

    /** The ids of every práctica, sorted ({@code p1-…}, {@code p2-…}). */
    public static List<String> ids() {
        return List.copyOf(all().keySet());
    }

    /** The práctica {@code id}, new (its checks keep no state between kernels anyway). */
    public static PracticaDefinition get(String id) {
        Class<? extends PracticaDefinition> type = all().get(id);
        if (type == null) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("practica.unknown", id, String.join(", ", ids())));
        }
        return instantiate(type);
    }

    /** The lesson label of a práctica, used on what it creates: {@code p1} for {@code p1-donde-esta-tu-fichero}. */
    public static String lessonOf(String id) {
        int dash = id.indexOf('-');
        return dash < 0 ? id : id.substring(0, dash);
    }

    private static Map<String, Class<? extends PracticaDefinition>> all() {
        if (byId == null) {
            Map<String, Class<? extends PracticaDefinition>> found = new TreeMap<>();
            for (String name : classNames()) {
                try {
                    Class<?> type = Class.forName(name, false, PracticaCatalog.class.getClassLoader());
                    if (PracticaDefinition.class.isAssignableFrom(type) && !type.isInterface()
                            && java.lang.reflect.Modifier.isPublic(type.getModifiers())) {
                        Class<? extends PracticaDefinition> p = type.asSubclass(PracticaDefinition.class);
                        found.put(instantiate(p).id(), p);
                    }
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
            byId = Collections.unmodifiableMap(found);
        }
        return byId;
    }

    private static PracticaDefinition instantiate(Class<? extends PracticaDefinition> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("a práctica needs a public no-argument constructor: " + type.getName(), e);
        }
    }

    /** The top-level classes of {@link #PACKAGE}, from the classes folder or from the jar. */
    private static List<String> classNames() {
        String folder = PACKAGE.replace('.', '/');
        List<String> names = new ArrayList<>();
        try {
            for (URL url : Collections.list(PracticaCatalog.class.getClassLoader().getResources(folder))) {
                if ("jar".equals(url.getProtocol())) {
                    JarURLConnection connection = (JarURLConnection) url.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(folder + "/"))
                                .map(n -> n.substring(folder.length() + 1)).forEach(n -> addClass(names, n));
                    }
                } else {
                    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                        files.map(f -> f.getFileName().toString()).forEach(n -> addClass(names, n));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    private static void addClass(List<String> names, String file) {
        if (file.endsWith(".class") && !file.contains("$") && !file.contains("/")) {
            names.add(PACKAGE + "." + file.substring(0, file.length() - ".class".length()));
        }
    }
}
