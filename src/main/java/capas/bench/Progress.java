package capas.bench;

/** Where the benchmark tells a person what it is doing (Spanish lines): the launcher's console. */
public interface Progress {
    /** A new step. */
    void step(String text);

    /** Something done, or how far a long step has got. */
    void done(String text);

    /** Something that went wrong but does not stop the benchmark. */
    void warn(String text);
}
