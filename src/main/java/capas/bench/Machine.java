package capas.bench;

import capas.Messages;
import capas.os.CommandResult;
import capas.os.Commands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Where the figures were measured: date, processors, memory, Linux kernel, podman and Java.
 *
 * @param date   UTC, to the minute
 * @param cpus   {@code nproc}
 * @param memory total memory, e.g. {@code 23,5 GiB}
 * @param kernel {@code uname -r}
 * @param podman {@code podman version}
 * @param java   the running Java
 */
public record Machine(String date, int cpus, String memory, String kernel, String podman, String java) {
    private static final Messages M = Messages.of(Machine.class);

    public static Machine current() {
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        CommandResult podman = Commands.run(List.of("podman", "version", "--format", "{{.Client.Version}}"));
        return new Machine(date, Runtime.getRuntime().availableProcessors(), totalMemory(), read("/proc/sys/kernel/osrelease"),
                podman.ok() ? podman.out().strip() : "?", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    }

    private static String totalMemory() {
        for (String line : read("/proc/meminfo").lines().toList()) {
            if (line.startsWith("MemTotal:")) {
                long kb = Long.parseLong(line.replaceAll("\\D", ""));
                return String.format(Messages.SPANISH, "%.1f GiB", kb / 1024.0 / 1024.0);
            }
        }
        return "?";
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (IOException e) {
            return "?";
        }
    }

    /** One line: {@code 2026-12-04 19:50 UTC · 2 procesadores · 23,5 GiB · Linux 6.1 · podman 4.3.1 · OpenJDK 17}. */
    public String text() {
        return M.get("machine", date, cpus, memory, kernel, podman, java);
    }
}
