package capas.aula;

import capas.CapasException;
import capas.Messages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The classroom's accounts, {@code cuentas.json}: who may log in to the Hub, as what, with which
 * password hash, and each account's {@code indice}, which picks the student's uid range and is
 * never given to anyone else.
 *
 * <p>The format (version 1, in the Aula contract):
 * {@code {"v":1,"cuentas":[{"nombre":"ana","rol":"alumno","hash":"pbkdf2_sha256$…","indice":0}]}}.
 * The file is root's alone (0600) and is replaced whole, through a temporary file in the same
 * folder and a rename, so the Hub never reads half of it.
 *
 * <pre>{@code
 * Path file = AulaDir.accounts(AulaDir.of());
 * Accounts.Merge merge = Accounts.read(file).merge(Roster.read(Path.of("alumnos.csv")));
 * merge.accounts().write(file);
 * merge.issued().forEach(i -> System.out.println(i.name() + " " + i.code()));   // shown once, never stored
 * }</pre>
 */
public final class Accounts {
    /** The file's name in the classroom's folder. */
    public static final String FILE = "cuentas.json";
    /** The format's version, as {@code v}. */
    public static final int VERSION = 1;
    private static final Messages M = Messages.of(Accounts.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One account.
     *
     * @param name  the Hub user name (and the container's, the volumes')
     * @param role  alumno or profesor
     * @param hash  the password's hash, in {@link Passwords}' format
     * @param index stable for the account's whole life, never reused
     */
    public record Account(String name, Role role, String hash, int index) {
    }

    /** A code made for an account, to show once to the teacher. */
    public record Issued(String name, String code) {
    }

    /**
     * What merging a roster did.
     *
     * @param accounts    every account afterwards, to {@link #write}
     * @param issued      the codes generated, in the roster's order: shown once, never stored in clear
     * @param added       accounts new in this roster
     * @param newPassword accounts that already existed and got the roster's password
     * @param newRole     accounts that already existed and changed role
     * @param notInRoster accounts the roster no longer lists: they are kept, not deleted
     */
    public record Merge(Accounts accounts, List<Issued> issued, List<String> added, List<String> newPassword,
            List<String> newRole, List<String> notInRoster) {
    }

    private final List<Account> accounts;

    private Accounts(List<Account> accounts) {
        this.accounts = List.copyOf(accounts);
    }

    /** No account at all: a classroom before its first roster. */
    public static Accounts empty() {
        return new Accounts(List.of());
    }

    public List<Account> all() {
        return accounts;
    }

    /** The accounts of students (rol alumno), in the file's order. */
    public List<Account> students() {
        return accounts.stream().filter(a -> a.role() == Role.ALUMNO).toList();
    }

    public Optional<Account> find(String name) {
        return accounts.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /**
     * Reads {@code file}; a missing file is a classroom with no accounts yet.
     *
     * @throws CapasException when the file cannot be read or is not version 1 of the format
     */
    public static Accounts read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return empty();
        } catch (IOException e) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("accounts.unreadable", file, e.getMessage()));
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw corrupt(file, e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw corrupt(file, M.get("accounts.not.object"));
        }
        if (root.path("v").asInt(-1) != VERSION) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("accounts.version", file, root.path("v").asText("?"), VERSION),
                    M.get("accounts.version.hint"));
        }
        List<Account> accounts = new ArrayList<>();
        for (JsonNode a : root.path("cuentas")) {
            String name = a.path("nombre").asText("");
            Optional<Role> role = Role.ofWord(a.path("rol").asText(""));
            JsonNode index = a.path("indice");
            if (name.isEmpty() || role.isEmpty() || !index.canConvertToInt() || !index.isIntegralNumber()) {
                throw corrupt(file, M.get("accounts.bad.account", a.toString()));
            }
            accounts.add(new Account(name, role.get(), a.path("hash").asText(""), index.asInt()));
        }
        return new Accounts(accounts);
    }

    private static CapasException corrupt(Path file, String why) {
        return new CapasException(CapasException.Kind.ENVIRONMENT, M.get("accounts.corrupt", file, why), M.get("accounts.corrupt.hint", file));
    }

    /**
     * These accounts merged with {@code roster}: a new name gets the next index never used and,
     * without a password in the roster, a generated code; a name already here keeps its index,
     * and its hash unless the roster gives a password; a name missing from the roster stays.
     */
    public Merge merge(Roster roster) {
        return merge(roster, Passwords::hash);
    }

    /** As {@link #merge(Roster)}, hashing with {@code hasher} (tests hash with few iterations). */
    Merge merge(Roster roster, UnaryOperator<String> hasher) {
        Map<String, Account> byName = new LinkedHashMap<>();
        accounts.forEach(a -> byName.put(a.name(), a));
        int next = accounts.stream().mapToInt(Account::index).max().orElse(-1) + 1;
        List<Issued> issued = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> newPassword = new ArrayList<>();
        List<String> newRole = new ArrayList<>();
        List<String> listed = new ArrayList<>();
        for (Roster.Person p : roster.people()) {
            listed.add(p.name());
            Account old = byName.get(p.name());
            if (old == null) {
                String password = p.password().orElse(null);
                if (password == null) {
                    password = Passwords.generate();
                    issued.add(new Issued(p.name(), password));
                }
                byName.put(p.name(), new Account(p.name(), p.role(), hasher.apply(password), next++));
                added.add(p.name());
                continue;
            }
            String hash = old.hash();
            if (p.password().isPresent()) {
                hash = hasher.apply(p.password().get());
                newPassword.add(p.name());
            } else if (!Passwords.wellFormed(hash)) {
                // An account whose hash was lost or hand-edited could never log in: give it a code.
                String code = Passwords.generate();
                hash = hasher.apply(code);
                issued.add(new Issued(p.name(), code));
                newPassword.add(p.name());
            }
            if (old.role() != p.role()) {
                newRole.add(p.name());
            }
            byName.put(p.name(), new Account(p.name(), p.role(), hash, old.index()));
        }
        List<String> notInRoster = byName.keySet().stream().filter(n -> !listed.contains(n)).toList();
        return new Merge(new Accounts(new ArrayList<>(byName.values())), issued, added, newPassword, newRole, notInRoster);
    }

    /** The file's text, as {@link #write} writes it. */
    String json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("v", VERSION);
        ArrayNode list = root.putArray("cuentas");
        for (Account a : accounts) {
            ObjectNode o = list.addObject();
            o.put("nombre", a.name());
            o.put("rol", a.role().word());
            o.put("hash", a.hash());
            o.put("indice", a.index());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Replaces {@code file} with these accounts, mode 0600, atomically: a temporary file beside
     * it, written and synced, then renamed over it. Its folder is created (0700) if missing.
     */
    public void write(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            temp = Files.createTempFile(dir, ".cuentas-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(json().getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                out.force(true);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
        } catch (IOException e) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("accounts.unwritable", file, e.getMessage()));
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The write already failed and says so; a stray temporary file is harmless.
                }
            }
        }
    }
}
