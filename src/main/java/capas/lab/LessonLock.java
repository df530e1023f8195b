package capas.lab;

import capas.CapasException;
import capas.Env;
import capas.Messages;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * One lesson open in one kernel at a time, per user: two notebooks of lesson 03 would both
 * create, inspect and remove {@code contenedor1}, and each would see the other's half-done
 * work as its own. The first kernel to open a lesson holds a lock on
 * {@code $XDG_STATE_HOME/capas/lecciones/<lección>.lock} for as long as its JVM lives; the
 * kernel dying (closed, restarted, killed) releases it, so a stale lock cannot exist.
 *
 * <p>The same kernel may open its lesson again (re-running the first cell): the lock is kept
 * per process, not per call.
 */
final class LessonLock {
    private static final Messages M = Messages.of(LessonLock.class);
    private static final Map<String, FileLock> HELD = new HashMap<>();
    /** How long a dying kernel may keep the lesson. */
    private static final Duration WAIT = Duration.ofSeconds(5);

    private LessonLock() {
    }

    /**
     * The lock, waiting a little for it: a kernel just restarted (or closed) by Jupyter may take
     * a moment to end and let go of the lesson, and the student re-running the first cell at
     * once must not be told the lesson is open elsewhere.
     */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null || System.nanoTime() > deadline) {
                return lock;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    /**
     * Takes lesson {@code lesson} for this process, or says who has it.
     *
     * @throws CapasException {@link CapasException.Kind#LESSON_IN_USE} when another process holds it
     */
    static void claim(String lesson) {
        claim(lesson, Env.stateDir().resolve("lecciones"));
    }

    /** {@link #claim(String)} with the locks kept in {@code dir}. */
    static synchronized void claim(String lesson, Path dir) {
        Path file = dir.resolve(lesson + ".lock");
        if (HELD.containsKey(file.toString())) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = tryLock(channel);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                channel.close();
                String[] pidAndTime = holder.split(" ", 2);
                throw new CapasException(CapasException.Kind.LESSON_IN_USE,
                        pidAndTime.length == 2 ? M.get("lesson.in.use", lesson, pidAndTime[0], pidAndTime[1]) : M.get("lesson.in.use.unknown", lesson),
                        M.get("lesson.in.use.hint", lesson));
            }
            // Who holds it, for the message the next kernel shows; the lock itself is what counts.
            String holder = ProcessHandle.current().pid() + " " + LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm")) + "\n";
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
            HELD.put(file.toString(), lock);
        } catch (IOException e) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("lesson.lock.failed", file, e.getMessage()),
                    M.get("lesson.lock.failed.hint", file.getParent()), e);
        }
    }
}
