package capas.progress;

import capas.Env;
import capas.Messages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A student's record: JSON Lines, one {@link ProgressEntry} a line, only ever appended to.
 *
 * <p>Each line is written with one {@code write} on a file opened for appending, so two kernels
 * of the same student (two notebooks open) never interleave half lines. A line that cannot be
 * read (a future version's, a file cut short by a full disk) is skipped, never fatal: the record
 * is the student's, and losing one line must not hide the rest.
 */
public final class ProgressLog {
    /** The format's version, in every line as {@code v}. */
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Messages M = Messages.of(ProgressLog.class);

    private final Path file;
    private boolean warned;

    public ProgressLog(Path file) {
        this.file = file;
    }

    /**
     * The record of whoever runs this process: {@code $XDG_DATA_HOME/capas/progreso.jsonl}, or
     * the file {@code CAPAS_PROGRESO} names.
     */
    public static ProgressLog ofThisUser() {
        return new ProgressLog(Env.progressFile());
    }

    /**
     * The record of the user whose home is {@code home}, as the kernels {@code ./lab} starts
     * write it (the launcher's hand-over sets no {@code XDG_DATA_HOME}): for root reading the
     * lab user's, or a classroom server reading a student's.
     */
    public static ProgressLog ofHome(Path home) {
        return new ProgressLog(home.resolve(".local").resolve("share").resolve("capas").resolve("progreso.jsonl"));
    }

    public Path file() {
        return file;
    }

    /** Adds {@code entry} at the end of the record, creating it (and its folder) the first time. */
    public void append(ProgressEntry entry) {
        byte[] line = (toJson(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Appends {@code entry} for a check, a hint or a solution the student just saw. A record that
     * cannot be written (a full disk, a read-only home) is said once on stderr and never thrown:
     * the check's answer matters more than its record.
     */
    public void keep(ProgressEntry entry) {
        try {
            append(entry);
        } catch (UncheckedIOException e) {
            if (!warned) {
                warned = true;
                System.err.println(M.get("progress.record.failed", file, e.getCause().getMessage()));
            }
        }
    }

    /** Every entry that can be read, in the order written; none when there is no record yet. */
    public List<ProgressEntry> read() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ProgressEntry> entries = new ArrayList<>();
        for (String line : lines) {
            ProgressEntry e = parse(line);
            if (e != null) {
                entries.add(e);
            }
        }
        return entries;
    }

    static String toJson(ProgressEntry e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("v", VERSION);
        o.put("time", e.time().toString());
        o.put("notebook", e.notebook());
        o.put("step", e.step());
        o.put("action", e.action().word());
        if (e.correct() == null) {
            o.putNull("correct");
        } else {
            o.put("correct", e.correct());
        }
        o.put("hints", e.hints());
        o.put("detail", e.detail());
        return o.toString();
    }

    /** The entry on {@code line}, or {@code null} when it is not one this version reads. */
    static ProgressEntry parse(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            JsonNode o = JSON.readTree(line);
            if (o.path("v").asInt() != VERSION) {
                return null;
            }
            JsonNode correct = o.path("correct");
            return new ProgressEntry(Instant.parse(o.path("time").asText()), o.path("notebook").asText(), o.path("step").asText(),
                    Action.ofWord(o.path("action").asText()), correct.isBoolean() ? correct.asBoolean() : null,
                    o.path("hints").asInt(), o.path("detail").asText(""));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
