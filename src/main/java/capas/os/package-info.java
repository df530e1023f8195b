/**
 * The operating system: the one process runner ({@link capas.os.Command}: capture, stream, long-lived;
 * stopped by {@link capas.os.ProcessTree}), and the few calls the JDK lacks (JNA): statfs, lgetxattr for {@code trusted.*},
 * getuid/geteuid. Everything else uses {@code java.nio.file}.
 */
package capas.os;
