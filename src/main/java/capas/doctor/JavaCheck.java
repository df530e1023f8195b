package capas.doctor;

import capas.Messages;

/** The Java running the lab: always there, since it is running this; said for the record. */
final class JavaCheck implements HostCheck {
    private static final Messages M = Messages.of(JavaCheck.class);
    private final int feature;
    private final String home;

    JavaCheck(int feature, String home) {
        this.feature = feature;
        this.home = home;
    }

    /** The Java of this process. */
    static JavaCheck ofThisProcess() {
        return new JavaCheck(Runtime.version().feature(), System.getProperty("java.home"));
    }

    @Override
    public Check run() {
        return Check.ok(M.get("topic.java"), M.get("java.version", feature, home));
    }
}
