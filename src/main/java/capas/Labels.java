package capas;

/**
 * How the lab marks what it creates, named once: the labels on containers and images, and the
 * names of the images a lesson builds. Reset ({@code ./lab limpiar}) removes only what carries
 * these marks; everything else on the machine is the student's.
 */
public final class Labels {
    /** On every container the lab creates. */
    public static final String LAB = "capas.lab";
    /**
     * The lesson or práctica ({@code 03}, {@code p4}…) a container or image belongs to, so that
     * an instructor can reset one lesson ({@code ./lab limpiar 03}).
     */
    public static final String LESSON = "capas.leccion";
    /**
     * On the images the lab builds: {@code true} for the course image, the lesson id for a
     * lesson's own image. Not {@link #LAB}: containers inherit their image's labels, and a
     * student's own container must not look like the lab's.
     */
    public static final String IMAGE = "capas.lab.imagen";
    /** The hash of the course image's recipe: a changed recipe means a rebuild. */
    public static final String RECIPE = "capas.receta";
    /**
     * Every image a lesson builds is named under this prefix: a derived image inherits the
     * lesson's label, so a reset also checks the name before removing one.
     */
    public static final String LESSON_IMAGE_PREFIX = "localhost/capas-";

    private Labels() {
    }

    /** The name of image {@code name} built by lesson {@code lesson}: {@code localhost/capas-p4/web:latest}. */
    public static String lessonImage(String lesson, String name) {
        return LESSON_IMAGE_PREFIX + lesson + "/" + name + ":latest";
    }

    /** Whether {@code reference} (repository:tag) is a name the lab gives to a lesson's image. */
    public static boolean isLessonImageName(String reference) {
        return reference.startsWith(LESSON_IMAGE_PREFIX);
    }
}
