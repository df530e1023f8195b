package capas.cli;

import capas.CapasException;
import capas.Messages;
import capas.aula.Accounts;
import capas.aula.AulaDir;
import capas.aula.ClassGrid;
import capas.aula.Roster;
import capas.os.Identity;
import capas.render.TableView;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code java -jar capas.jar aula <orden>}: the classroom server's Java side, run by root on the
 * host (the state folder is root's alone, and the students' disks are mounted by root).
 *
 * <ul>
 *   <li>{@code aula cuentas <alumnos.csv>}: merges the roster into {@code cuentas.json} and
 *       prints the generated codes, once;</li>
 *   <li>{@code aula cuadro [--csv]}: the class grid, as a table or as CSV (what the panel reads).</li>
 * </ul>
 */
public final class AulaCommand {
    private static final Messages M = Messages.of(AulaCommand.class);

    private AulaCommand() {
    }

    static int run(String[] args) {
        Path dir = AulaDir.of();
        return run(args, Identity.current().root(), dir, () -> AulaServer.homes(dir), System.out);
    }

    /**
     * @param root    whether this runs as root (nothing here works otherwise)
     * @param dir     the classroom's state folder
     * @param homes   where the students' homes are, asked only by {@code cuadro}
     */
    static int run(String[] args, boolean root, Path dir, Supplier<ClassGrid.Homes> homes, PrintStream out) {
        String order = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        if (order.equals("ayuda") || order.equals("--help")) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("aula.usage"));
        }
        if (!root) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("aula.not.root", order), M.get("aula.not.root.hint", order));
        }
        return switch (order) {
            case "cuentas" -> accounts(rest, dir, out);
            case "cuadro" -> grid(rest, dir, homes, out);
            case "parar" -> AulaServer.stop(dir, out);
            case "borrar" -> AulaServer.remove(List.of(rest), dir, out);
            case "disco" -> AulaServer.disk(List.of(rest), dir, out);
            case "podman" -> AulaServer.podman(List.of(rest), dir);
            case "reiniciar" -> AulaServer.resetNotebook(List.of(rest), dir, out);
            case "reiniciar-entorno" -> AulaServer.resetEnvironment(List.of(rest), dir, out);
            // Anything else is the roster and the options: prepare and start the classroom.
            default -> AulaServer.serve(List.of(args), dir, out);
        };
    }

    static int accounts(String[] args, Path dir, PrintStream out) {
        if (args.length != 1) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("aula.cuentas.usage"));
        }
        Roster roster = Roster.read(Path.of(args[0]));
        Path file = AulaDir.accounts(dir);
        Accounts.Merge merge = Accounts.read(file).merge(roster);
        merge.accounts().write(file);
        out.println(M.get("aula.cuentas.done", file, merge.accounts().all().size(), merge.added().size()));
        if (!merge.newPassword().isEmpty()) {
            out.println(M.get("aula.cuentas.new.password", String.join(", ", merge.newPassword())));
        }
        if (!merge.newRole().isEmpty()) {
            out.println(M.get("aula.cuentas.new.role", String.join(", ", merge.newRole())));
        }
        if (!merge.notInRoster().isEmpty()) {
            out.println(M.get("aula.cuentas.kept", String.join(", ", merge.notInRoster())));
        }
        if (merge.issued().isEmpty()) {
            out.println(M.get("aula.cuentas.no.codes"));
            return 0;
        }
        TableView.Builder codes = TableView.of(M.get("aula.cuentas.header.name"), M.get("aula.cuentas.header.code"))
                .caption(M.get("aula.cuentas.codes.caption"));
        merge.issued().forEach(i -> codes.row(i.name(), i.code()));
        out.println();
        out.println(codes.build());
        out.println();
        out.println(M.get("aula.cuentas.codes.once"));
        return 0;
    }

    private static int grid(String[] args, Path dir, Supplier<ClassGrid.Homes> homes, PrintStream out) {
        boolean csv = switch (String.join(" ", args)) {
            case "" -> false;
            case "--csv" -> true;
            default -> throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("aula.cuadro.usage"));
        };
        Accounts accounts = Accounts.read(AulaDir.accounts(dir));
        if (accounts.students().isEmpty() && !csv) {
            out.println(M.get("aula.cuadro.nobody", AulaDir.accounts(dir)));
            return 0;
        }
        ClassGrid grid = ClassGrid.of(accounts, homes.get());
        if (csv) {
            out.print(grid.csv());
        } else {
            out.println(grid.table(ZoneId.systemDefault()));
        }
        // On stderr, so the CSV stays CSV; the panel shows it apart.
        List<ClassGrid.Problem> problems = grid.problems();
        problems.forEach(p -> Console.warn(M.get("aula.cuadro.unreadable", p.student(), p.reason())));
        return 0;
    }
}
