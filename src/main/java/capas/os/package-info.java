/**
 * The operating system: the one process runner ({@link capas.os.Command}: capture, stream, long-lived;
 * stopped by {@link capas.os.ProcessTree}), the one PATH lookup ({@link capas.os.Commands#which}), the
 * few calls the JDK lacks (JNA): statfs, lgetxattr for {@code trusted.*}, getuid/geteuid; and one
 * class per fact about the host that more than one package needs: who we are ({@link capas.os.Identity}),
 * the mount table ({@link capas.os.Mount}), the subordinate ids ({@link capas.os.SubIds}).
 * Everything else uses {@code java.nio.file}.
 */
package capas.os;
