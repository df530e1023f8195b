package capas.leccion;

import capas.CapasException;
import capas.Messages;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Every lesson with checks: the classes listed in
 * {@code META-INF/services/capas.leccion.LessonDefinition}, read with {@link ServiceLoader}.
 */
public final class LessonCatalog {
    private static final Messages M = Messages.of(LessonCatalog.class);
    private static volatile Map<String, LessonDefinition> byId;

    private LessonCatalog() {
    }

    /** The ids of every lesson with checks, sorted. */
    public static List<String> ids() {
        return List.copyOf(all().keySet());
    }

    public static LessonDefinition get(String id) {
        LessonDefinition d = all().get(id);
        if (d == null) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("leccion.unknown", id, String.join(", ", ids())));
        }
        return d;
    }

    private static Map<String, LessonDefinition> all() {
        if (byId == null) {
            Map<String, LessonDefinition> found = new TreeMap<>();
            ServiceLoader.load(LessonDefinition.class, LessonCatalog.class.getClassLoader())
                    .forEach(d -> found.put(d.id(), d));
            byId = Collections.unmodifiableMap(found);
        }
        return byId;
    }
}
