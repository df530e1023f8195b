package capas.aula;

import capas.Messages;
import capas.os.Entry;
import capas.os.PinnedPath;
import capas.progress.ProgressEntry;
import capas.progress.ProgressLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

/**
 * One student's record of progress, read by root from the student's home volume without ever
 * following what the student could have put there.
 *
 * <p>The student's home on the server ({@code $CAPAS_AULA_DIR/alumnos/<nombre>/home}) is the host
 * store's; everything below it is the student's, who can make {@code .local} a symlink to
 * {@code /etc} or swap a folder for a symlink while root reads. So the walk pins the volume's
 * folder and takes one name at a time through the descriptor of the folder above
 * ({@link PinnedPath#openAt}, {@code O_NOFOLLOW}): a symlink anywhere on the way, or a record
 * that is not a regular file, is refused, never followed. What is read is capped
 * ({@link #MAX_BYTES}), so a record grown huge cannot exhaust the server's memory.
 */
public final class StudentRecord {
    /** A record is a few hundred bytes a check: 5 MB is tens of thousands of checks, far past a course. */
    public static final long MAX_BYTES = 5L * 1024 * 1024;
    /** Where the record is below the student's home, as {@link ProgressLog#ofHome} puts it. */
    static final List<String> PATH = List.of(".local", "share", "capas", "progreso.jsonl");
    private static final Messages M = Messages.of(StudentRecord.class);

    /**
     * What reading gave.
     *
     * @param entries the record's entries; empty when there is none yet (or it could not be read)
     * @param problem why the record could not be read, in Spanish; empty when it could, or when there is none
     */
    public record Read(List<ProgressEntry> entries, Optional<String> problem) {
        static Read none() {
            return new Read(List.of(), Optional.empty());
        }

        static Read refused(String why) {
            return new Read(List.of(), Optional.of(why));
        }
    }

    private StudentRecord() {
    }

    /** The record below {@code home} (the home volume's {@code _data}), or why it cannot be read. */
    public static Read read(Path home) {
        return read(home, MAX_BYTES);
    }

    static Read read(Path home, long maxBytes) {
        try (PinnedPath top = PinnedPath.openDirectory(home)) {
            return walk(top, 0, maxBytes);
        } catch (java.nio.file.NoSuchFileException e) {
            return Read.none();
        } catch (IOException e) {
            return Read.refused(M.get("record.unreadable", e.getMessage()));
        }
    }

    private static Read walk(PinnedPath dir, int depth, long maxBytes) throws IOException {
        String name = PATH.get(depth);
        Optional<PinnedPath> child = dir.openAt(name);
        if (child.isEmpty()) {
            return Read.none();
        }
        try (PinnedPath pinned = child.get()) {
            Entry entry = pinned.stat();
            String shown = String.join("/", PATH.subList(0, depth + 1));
            if (entry.isSymlink()) {
                return Read.refused(M.get("record.symlink", shown));
            }
            if (depth < PATH.size() - 1) {
                return entry.isDirectory() ? walk(pinned, depth + 1, maxBytes) : Read.refused(M.get("record.not.folder", shown));
            }
            if (!entry.isRegularFile()) {
                return Read.refused(M.get("record.not.file", shown));
            }
            if (entry.size() > maxBytes) {
                return Read.refused(M.digits("record.too.big", entry.size(), maxBytes));
            }
            return parse(pinned, maxBytes);
        }
    }

    /**
     * Reads the pinned file (through its descriptor, whatever its name has become) up to the cap,
     * and lets {@link ProgressLog} parse it, from a private copy: the record's format is read in
     * one place only.
     */
    private static Read parse(PinnedPath file, long maxBytes) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file.proc())) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        if (bytes.length > maxBytes) {
            return Read.refused(M.digits("record.too.big", bytes.length, maxBytes));
        }
        Path copy = Files.createTempFile("capas-aula-registro-", ".jsonl",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.write(copy, bytes);
            return new Read(new ProgressLog(copy).read(), Optional.empty());
        } finally {
            Files.deleteIfExists(copy);
        }
    }
}
