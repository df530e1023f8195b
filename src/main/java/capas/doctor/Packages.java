package capas.doctor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The packages Capas needs, read from {@code paquetes/<distro>.txt} (in the jar as
 * {@code capas/doctor/paquetes/}): the same file {@code ./lab} reads to install them, so the
 * install commands the diagnosis suggests never drift from what the launcher installs.
 */
public final class Packages {
    /** Installed by {@code ./lab} as root, never suggested to a student (sudo to install sudo makes no sense). */
    static final String SYSTEM = "sistema";
    /** Only for {@code ./lab test} (the browser tests). */
    static final String TESTS = "pruebas";
    /** The classroom server's own ({@code ./lab aula}), and what only its student image holds: never a student's machine. */
    public static final String CLASSROOM = "aula";
    public static final String CLASSROOM_STUDENT = "aula-alumno";
    /** Fourth field: installed where the release has the package, never demanded nor advised (JupyterLab: Debian 13 has it, 12 not). */
    static final String OPTIONAL = "opcional";
    /** A command field that names no command, so that an optional package without one still has four fields. */
    private static final String NO_COMMAND = "-";

    /** One line of a package list. */
    public record Package(String name, String group, String command, boolean optional) {
        public Package(String name, String group, String command) {
            this(name, group, command, false);
        }
    }

    private Packages() {
    }

    /** Every package of {@code distro} ({@code debian}, {@code fedora}), in file order. */
    public static List<Package> of(String distro) {
        try (InputStream in = Packages.class.getResourceAsStream("paquetes/" + distro + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("no package list for " + distro);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Package> parse(String text) {
        List<Package> packages = new ArrayList<>();
        for (String line : text.lines().toList()) {
            String[] fields = line.strip().split("\\s+");
            if (fields[0].isEmpty() || fields[0].startsWith("#")) {
                continue;
            }
            String command = fields.length > 2 && !fields[2].equals(NO_COMMAND) ? fields[2] : null;
            packages.add(new Package(fields[0], fields.length > 1 ? fields[1] : "", command, fields.length > 3 && fields[3].equals(OPTIONAL)));
        }
        return packages;
    }

    /**
     * The names of {@code distro}'s packages in {@code groups} (all a student needs when empty);
     * never an optional one, which a release may not have (apt would refuse the whole line).
     */
    public static List<String> names(String distro, String... groups) {
        Set<String> wanted = Set.of(groups);
        return of(distro).stream()
                .filter(p -> !p.optional())
                .filter(p -> wanted.isEmpty() ? Set.of(SYSTEM, TESTS, CLASSROOM, CLASSROOM_STUDENT).stream().noneMatch(p.group()::equals)
                        : wanted.contains(p.group()))
                .map(Package::name).toList();
    }

    /**
     * The install commands for {@code groups} on Debian/Ubuntu and on Fedora, on one line:
     * {@code Debian/Ubuntu: sudo apt install … · Fedora: sudo dnf install …}.
     */
    public static String hint(String... groups) {
        return "Debian/Ubuntu: " + aptInstall(groups) + "  ·  Fedora: " + dnfInstall(groups);
    }

    public static String aptInstall(String... groups) {
        return "sudo apt install " + String.join(" ", names("debian", groups));
    }

    public static String dnfInstall(String... groups) {
        return "sudo dnf install " + String.join(" ", names("fedora", groups));
    }
}
