/**
 * The few operating-system calls the JDK lacks (JNA): statfs, lgetxattr for {@code trusted.*},
 * getuid/geteuid. Everything else uses {@code java.nio.file}.
 */
package capas.os;
