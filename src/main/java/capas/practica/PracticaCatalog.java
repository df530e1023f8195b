package capas.practica;

import capas.CapasException;
import capas.Messages;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Every práctica: the classes listed in {@code META-INF/services/capas.practica.PracticaDefinition},
 * the one list of them, read with {@link ServiceLoader}. A new práctica is its class in
 * {@value #PACKAGE}, one line in that file, a bundle and a notebook; the engine, the reset, the
 * export and the CI variants pick it up from there. The engine itself never names a práctica.
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

    /** The lesson label of a práctica, used on what it creates: {@code p1} for {@code p3-donde-esta-tu-fichero}. */
    public static String lessonOf(String id) {
        int dash = id.indexOf('-');
        return dash < 0 ? id : id.substring(0, dash);
    }

    private static Map<String, Class<? extends PracticaDefinition>> all() {
        if (byId == null) {
            Map<String, Class<? extends PracticaDefinition>> found = new TreeMap<>();
            // The classes only: get() hands out a new instance each time, so the loader's own are not kept.
            ServiceLoader.load(PracticaDefinition.class, PracticaCatalog.class.getClassLoader()).stream()
                    .map(ServiceLoader.Provider::type)
                    .forEach(type -> found.put(instantiate(type).id(), type));
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
}
