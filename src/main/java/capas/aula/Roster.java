package capas.aula;

import capas.CapasException;
import capas.Messages;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The teacher's list of the class, {@code alumnos.csv}: one person a line, {@code nombre} and
 * optionally {@code contraseña} and {@code rol} ({@code alumno}, the default, or
 * {@code profesor}).
 *
 * <p>What a spreadsheet exports is accepted as it comes: UTF-8 with or without a byte order
 * mark, {@code ;} (Spanish spreadsheets) or {@code ,} as separator, cells in double quotes, an
 * optional header line (its first cell is {@code nombre}), blank lines and {@code #} comments.
 * Every mistake is reported at once, each with its line number, so the teacher fixes the file
 * in one go rather than one error per run.
 *
 * <pre>{@code
 * Roster roster = Roster.read(Path.of("alumnos.csv"));
 * roster.people().forEach(p -> System.out.println(p.name() + " " + p.role()));
 * }</pre>
 */
public final class Roster {
    private static final Messages M = Messages.of(Roster.class);
    /** The contract's Hub user name: it becomes a container, volume and label name too. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    /**
     * Names that would be mistaken for something else: system accounts, the Hub itself, the user
     * inside every student's container ({@code alumno}), the two roles and groups, and the
     * header's first cell (two exports pasted together repeat the header).
     */
    static final Set<String> RESERVED = Set.of("nombre", "root", "admin", "administrador", "nobody", "hub", "jupyterhub", "alumno",
            "alumnos", "profesor", "profesores");
    /** A password the teacher gives is typed on a school LAN's login page: not shorter than this. */
    static final int MIN_PASSWORD = 8;
    private static final String HEADER = "nombre";

    /**
     * One line of the roster.
     *
     * @param name     the account's name
     * @param password the password the teacher gave, or empty for a generated code
     * @param role     alumno or profesor
     * @param line     where it was in the file (1 is the first line)
     */
    public record Person(String name, Optional<String> password, Role role, int line) {
    }

    private final List<Person> people;

    private Roster(List<Person> people) {
        this.people = List.copyOf(people);
    }

    public List<Person> people() {
        return people;
    }

    /**
     * Reads {@code file}.
     *
     * @throws CapasException when the file cannot be read, or with every bad line of it at once
     */
    public static Roster read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("roster.missing", file), M.get("roster.format"));
        } catch (IOException e) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("roster.unreadable", file, e.getMessage()));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("roster.not.utf8", file), M.get("roster.not.utf8.hint"));
        }
        return parse(text, file.toString());
    }

    /**
     * Reads the roster in {@code text}.
     *
     * @param source what to call it in messages (the file's path)
     */
    public static Roster parse(String text, String source) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<Person> people = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        char separator = separator(lines);
        boolean first = true;
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = cells(line, separator);
            if (cells == null) {
                problems.add(M.get("roster.line.quote", number));
                first = false;
                continue;
            }
            if (first && cells.get(0).toLowerCase(Locale.ROOT).equals(HEADER)) {
                first = false;
                continue;
            }
            first = false;
            Person person = person(cells, number, problems);
            if (person == null) {
                continue;
            }
            Integer earlier = seen.putIfAbsent(person.name(), number);
            if (earlier != null) {
                problems.add(M.get("roster.line.duplicate", number, person.name(), earlier));
                continue;
            }
            people.add(person);
        }
        if (!problems.isEmpty()) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT,
                    M.get("roster.invalid", source, problems.size()) + "\n  " + String.join("\n  ", problems), M.get("roster.format"));
        }
        if (people.isEmpty()) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("roster.empty", source), M.get("roster.format"));
        }
        return new Roster(people);
    }

    /**
     * {@code ;} or {@code ,}: whichever comes first on the first line that has one (a name alone
     * has neither, and a password may hold the other one).
     */
    private static char separator(String[] lines) {
        for (String line : lines) {
            if (line.strip().startsWith("#")) {
                continue;
            }
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == ';' || c == ',') {
                    return c;
                }
            }
        }
        return ',';
    }

    /** The person on one line, or {@code null} with what is wrong added to {@code problems}. */
    private static Person person(List<String> cells, int number, List<String> problems) {
        int before = problems.size();
        if (cells.size() > 3) {
            problems.add(M.get("roster.line.columns", number, cells.size()));
        }
        String name = cells.get(0);
        if (name.isEmpty()) {
            problems.add(M.get("roster.line.no.name", number));
        } else if (!NAME.matcher(name).matches()) {
            String lower = name.toLowerCase(Locale.ROOT);
            problems.add(NAME.matcher(lower).matches() && !RESERVED.contains(lower)
                    ? M.get("roster.line.name.case", number, name, lower)
                    : M.get("roster.line.name", number, name));
        } else if (RESERVED.contains(name)) {
            problems.add(M.get("roster.line.reserved", number, name));
        }
        String password = cells.size() > 1 ? cells.get(1) : "";
        if (!password.isEmpty() && password.codePointCount(0, password.length()) < MIN_PASSWORD) {
            problems.add(M.get("roster.line.short", number, name, MIN_PASSWORD));
        }
        Role role = Role.ALUMNO;
        String roleCell = cells.size() > 2 ? cells.get(2).toLowerCase(Locale.ROOT) : "";
        if (!roleCell.isEmpty()) {
            Optional<Role> given = Role.ofWord(roleCell);
            if (given.isEmpty()) {
                problems.add(M.get("roster.line.role", number, cells.get(2)));
            } else {
                role = given.get();
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new Person(name, password.isEmpty() ? Optional.empty() : Optional.of(password), role, number);
    }

    /**
     * The cells of one line, each stripped of surrounding blanks and of its double quotes (a
     * doubled quote inside stands for one), or {@code null} when a quote is never closed.
     */
    static List<String> cells(String line, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                quoted = true;
                wasQuoted = true;
                cell.setLength(0);
            } else if (c == separator) {
                cells.add(wasQuoted ? cell.toString() : cell.toString().strip());
                cell.setLength(0);
                wasQuoted = false;
            } else if (!(wasQuoted && Character.isWhitespace(c))) {
                cell.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        cells.add(wasQuoted ? cell.toString() : cell.toString().strip());
        // A spreadsheet pads short rows with empty cells: «ana;;» is «ana».
        while (cells.size() > 1 && cells.get(cells.size() - 1).isEmpty()) {
            cells.remove(cells.size() - 1);
        }
        return cells;
    }
}
