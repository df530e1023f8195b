package capas.cli;

import capas.CapasException;
import capas.Env;
import capas.Messages;
import capas.os.Command;
import capas.os.CommandResult;
import capas.os.Identity;
import capas.progress.ProgressLog;
import capas.progress.ProgressSummary;
import capas.render.TableView;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code ./lab progreso [--csv]}: the student's record as a table (or CSV), one row a lesson
 * check or práctica task, and a summary line a notebook.
 *
 * <p>Root has no record of its own: started by root, it reads the lab user's, where the kernels
 * that {@code ./lab} hands over to that user write it.
 */
public final class ProgresoCommand {
    private static final Messages M = Messages.of(ProgresoCommand.class);

    private ProgresoCommand() {
    }

    static int run(String[] args) {
        boolean csv = parse(args);
        return show(record(), csv, System.out);
    }

    /** {@code true} for {@code --csv}; any other argument is a mistake worth saying. */
    static boolean parse(String[] args) {
        if (args.length == 0) {
            return false;
        }
        if (args.length == 1 && args[0].equals("--csv")) {
            return true;
        }
        throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("progreso.usage"));
    }

    /** Prints {@code record}'s summary to {@code out}: the table and its summary lines, or the CSV alone. */
    static int show(ProgressLog record, boolean csv, PrintStream out) {
        ProgressSummary summary = ProgressSummary.of(record.read());
        if (csv) {
            out.print(summary.csv());
            return 0;
        }
        if (summary.isEmpty()) {
            out.println(M.get("progreso.empty", record.file()));
            return 0;
        }
        out.println(new TableView(M.get("progreso.caption", record.file()), summary.headers(), summary.rows()));
        out.println();
        summary.summaries().forEach(out::println);
        return 0;
    }

    /** Whose record: {@code CAPAS_PROGRESO} if set, the lab user's for root, else this user's. */
    static ProgressLog record() {
        boolean forced = !Env.get(Env.PROGRESS, "").isEmpty();
        return record(Identity.current().root() && !forced, Env.labUser(), ProgresoCommand::homeOf);
    }

    /**
     * @param root  whether to read the lab user's record rather than this user's
     * @param homes a user's home, when the user exists
     */
    static ProgressLog record(boolean root, String labUser, Function<String, Optional<Path>> homes) {
        if (!root) {
            return ProgressLog.ofThisUser();
        }
        Path home = homes.apply(labUser).orElseThrow(() -> new CapasException(CapasException.Kind.ENVIRONMENT,
                M.get("progreso.no.lab.user", labUser), M.get("progreso.no.lab.user.hint")));
        return ProgressLog.ofHome(home);
    }

    /** The home of {@code user}, as {@code getent passwd} says (the launcher asks the same way). */
    private static Optional<Path> homeOf(String user) {
        CommandResult r = Command.of("getent", "passwd", user).capture();
        String[] fields = r.out().strip().split(":");
        return r.ok() && fields.length >= 6 && !fields[5].isBlank() ? Optional.of(Path.of(fields[5])) : Optional.empty();
    }
}
