package capas.store;

import capas.CapasException;
import capas.Messages;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.CollectionType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads one of the store's JSON index files (an array of records).
 *
 * <p>containers/storage replaces these files by rename, so a reader sees either the old or the
 * new file; a parse failure is retried once in case the file was caught mid-write by a tool
 * that does not, and then reported in Spanish with the file's name.
 */
final class JsonRecords {
    private static final Messages M = Messages.of(JsonRecords.class);
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final int ATTEMPTS = 2;

    private JsonRecords() {
    }

    /** The records in {@code file}; a missing file is an empty store, as podman treats it. */
    static <T> List<T> read(Path file, Class<T> type) {
        CollectionType listType = JSON.getTypeFactory().constructCollectionType(List.class, type);
        for (int attempt = 1; ; attempt++) {
            try {
                byte[] bytes = Files.readAllBytes(file);
                if (bytes.length == 0) {
                    return List.of();
                }
                List<T> records = JSON.readValue(bytes, listType);
                return records == null ? List.of() : List.copyOf(records);
            } catch (NoSuchFileException e) {
                return List.of();
            } catch (JsonProcessingException e) {
                if (attempt >= ATTEMPTS) {
                    throw new CapasException(CapasException.Kind.STORE_UNREADABLE, M.get("json.corrupt", file, e.getOriginalMessage()), M.get("json.corrupt.hint"), e);
                }
                pause();
            } catch (java.nio.file.AccessDeniedException e) {
                throw new CapasException(CapasException.Kind.STORE_UNREADABLE, M.get("json.denied", file), M.get("json.denied.hint"), e);
            } catch (IOException e) {
                throw new CapasException(CapasException.Kind.STORE_UNREADABLE, M.get("json.unreadable", file, e.getMessage()), null, e);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
