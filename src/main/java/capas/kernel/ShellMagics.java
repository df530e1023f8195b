package capas.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The magics the course needs: {@code %%bash} and {@code %%sh} for a cell of shell commands,
 * {@code %sh} and {@code %bash} for one line, so the lessons' commands run as written.
 */
final class ShellMagics {
    private ShellMagics() {
    }

    /** The command line for a magic, or {@code null} when there is no such magic. */
    static List<String> argv(Cell.Part part) {
        String shell = switch (part.name()) {
            case "bash" -> "bash";
            case "sh" -> "sh";
            default -> null;
        };
        if (shell == null) {
            return null;
        }
        List<String> argv = new ArrayList<>();
        argv.add(shell);
        if (part.kind() == Cell.Kind.CELL_MAGIC) {
            // `%%bash -e` passes -e to bash, as IPython does.
            if (!part.args().isBlank()) {
                argv.addAll(Arrays.asList(part.args().trim().split("\\s+")));
            }
            argv.add("-c");
            argv.add(part.body());
        } else {
            argv.add("-c");
            argv.add(part.args());
        }
        return argv;
    }
}
