package capas.context;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The probe's wire format: one JSON object per line each way.
 * A request names an operation of {@link Inspector} and its arguments; a reply carries either
 * the value or a Spanish error (message and hint) to be thrown again on the caller's side.
 *
 * <p>The operations are {@link Inspector}'s own methods, found by reflection: an operation's
 * name on the wire is the method's name, its arguments and its value travel as JSON of the
 * method's own (generic) types. So the probe and its client answer every operation the
 * interface has, with nothing to keep in step by hand.
 */
final class ProbeProtocol {
    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** First line a probe writes: the client knows the JVM started and the context was entered. */
    static final String READY = "{\"ready\":true}";
    /** Every operation of {@link Inspector}, by wire name. */
    static final Map<String, Method> OPERATIONS = operations();

    record Request(String op, List<JsonNode> args) {
    }

    record Reply(JsonNode value, String kind, String error, String hint) {
    }

    /** One request out, its reply back: how a client reaches a probe. */
    interface Wire {
        Reply ask(Request request);

        void close();
    }

    private ProbeProtocol() {
    }

    /** {@link Inspector}'s questions: every method but {@code close}, which ends the probe rather than asking it. */
    private static Map<String, Method> operations() {
        Map<String, Method> ops = new TreeMap<>();
        for (Method m : Inspector.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.getName().equals("close")) {
                continue;
            }
            // A wire name must say which method: an overload would need a name of its own.
            if (ops.put(m.getName(), m) != null) {
                throw new IllegalStateException("Inspector overloads " + m.getName() + ": the probe names operations by method name");
            }
        }
        return Collections.unmodifiableMap(ops);
    }

    /** The request that asks {@code op} with {@code args}. */
    static Request request(Method op, Object[] args) {
        List<JsonNode> values = new ArrayList<>();
        for (Object arg : args == null ? new Object[0] : args) {
            values.add(JSON.valueToTree(arg));
        }
        return new Request(op.getName(), values);
    }

    /** The operation a request names; an unknown name is refused. */
    static Method operation(Request request) {
        Method op = OPERATIONS.get(request.op());
        if (op == null) {
            throw new IllegalArgumentException("unknown op " + request.op());
        }
        return op;
    }

    /** A request's arguments as {@code op}'s parameter types. */
    static Object[] arguments(Method op, Request request) {
        List<JsonNode> given = request.args() == null ? List.of() : request.args();
        if (given.size() != op.getParameterCount()) {
            throw new IllegalArgumentException(op.getName() + " takes " + op.getParameterCount() + " arguments, not " + given.size());
        }
        Object[] args = new Object[given.size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = JSON.convertValue(given.get(i), JSON.constructType(op.getGenericParameterTypes()[i]));
        }
        return args;
    }

    /** A reply's value as {@code op}'s return type ({@code null} stays {@code null}, except for a primitive). */
    static Object value(Method op, JsonNode value) {
        if (value == null || value.isNull()) {
            if (op.getReturnType().isPrimitive()) {
                throw new IllegalStateException(op.getName() + " answered nothing");
            }
            return null;
        }
        return JSON.convertValue(value, JSON.constructType(op.getGenericReturnType()));
    }
}
