package capas;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Spanish text for one package, read from that package's {@code messages.properties}.
 *
 * <p>Code holds keys; every sentence a student reads lives in a bundle, so wording can be
 * reviewed in one place per package. Each package keeps its own bundle so that packages stay
 * independent of each other.
 */
public final class Messages {
    /** The lab speaks Spanish whatever the machine's locale is. */
    public static final Locale SPANISH = Locale.forLanguageTag("es");

    private final ResourceBundle bundle;

    private Messages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /**
     * The bundle of the package that holds {@code anchor}.
     *
     * @param anchor any class of the package whose {@code messages.properties} is wanted
     * @return the package's messages
     */
    public static Messages of(Class<?> anchor) {
        return load(anchor.getPackageName() + ".messages", anchor);
    }

    /**
     * The bundle of one class ({@code <Class>.properties} beside it), for a part that must stay
     * self-contained, such as one práctica with its hints and solutions.
     */
    public static Messages forClass(Class<?> owner) {
        return load(owner.getName(), owner);
    }

    private static Messages load(String name, Class<?> anchor) {
        return new Messages(ResourceBundle.getBundle(name, SPANISH, anchor.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    /**
     * As {@link #get}, with numbers written as plain digits: a uid or a byte count is read, and
     * Spanish grouping would show uid 1001 as «1.001».
     */
    public String digits(String key, Object... args) {
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            plain[i] = args[i] instanceof Number n ? String.valueOf(n) : args[i];
        }
        return get(key, plain);
    }

    /**
     * The message for {@code key}, with {@code args} put in its {@code {0}}, {@code {1}}… places.
     *
     * @throws IllegalStateException if the key is missing: a missing key is a bug, not a user error
     */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("missing message key " + key + " in " + bundle.getBaseBundleName(), e);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, SPANISH).format(args);
    }

    /** Whether the bundle defines {@code key}. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
