package capas.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

/**
 * What one of the store's files looked like at one moment: enough to tell, without reading it
 * again, whether someone wrote it since.
 *
 * <p>For a lock file, its contents: containers/storage writes a fresh 64-byte {@code lastWrite}
 * id there (time, counter, pid, random) before every change of the files it guards
 * ({@code RecordWrite} in {@code pkg/lockfile}). For a JSON index file, its inode, size and
 * change times: podman replaces those files by rename, so a new version is a new inode, and a
 * hand edit changes the times (containers/storage itself compares the JSON file's mtime, for
 * the same reason).
 *
 * @param exists  whether the file was there at all
 * @param content the lock file's bytes, hex (empty for JSON files)
 * @param inode   {@code st_ino}
 * @param size    {@code st_size}
 * @param mtime   {@code st_mtime}, nanoseconds
 * @param ctime   {@code st_ctime}, nanoseconds
 */
record FileStamp(boolean exists, String content, long inode, long size, long mtime, long ctime) {
    /** Never more than this is read of a lock file: {@code lastWriterIDSize} in containers/storage. */
    static final int LAST_WRITER_ID_SIZE = 64;
    private static final FileStamp ABSENT = new FileStamp(false, "", 0, 0, 0, 0);

    /** The stat of a JSON index file. */
    static FileStamp ofJson(Path file) throws IOException {
        Map<String, Object> a;
        try {
            a = Files.readAttributes(file, "unix:ino,size,lastModifiedTime,ctime", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return ABSENT;
        }
        return new FileStamp(true, "", (Long) a.get("ino"), (Long) a.get("size"),
                nanos(a.get("lastModifiedTime")), nanos(a.get("ctime")));
    }

    /** The last writer recorded in a lock file (an empty lock file is a store nobody wrote yet). */
    static FileStamp ofLock(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] id = in.readNBytes(LAST_WRITER_ID_SIZE);
            return new FileStamp(true, HexFormat.of().formatHex(Arrays.copyOf(id, id.length)), 0, 0, 0, 0);
        } catch (NoSuchFileException e) {
            return ABSENT;
        }
    }

    private static long nanos(Object fileTime) {
        java.time.Instant t = ((java.nio.file.attribute.FileTime) fileTime).toInstant();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
