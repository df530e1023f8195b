package capas.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Who runs a process, as the host sees it: the real ids of {@code /proc/<pid>/status}. */
final class ProcStatus {
    private ProcStatus() {
    }

    /** The real uid ({@code Uid:}) of process {@code pid}; -1 if it is gone. */
    static long uid(long pid) {
        return id(pid, "Uid:");
    }

    /** The real gid ({@code Gid:}) of process {@code pid}; -1 if it is gone. */
    static long gid(long pid) {
        return id(pid, "Gid:");
    }

    private static long id(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).strip().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Gone between two reads: shown as -1.
        }
        return -1;
    }
}
