package capas.doctor;

import capas.Messages;
import capas.os.CommandResult;
import java.nio.file.Path;
import java.util.Optional;

/** Jupyter, and a Python under it with the modules the lab runs notebooks with. */
final class JupyterCheck implements HostCheck {
    private static final Messages M = Messages.of(JupyterCheck.class);
    /** Debian's Jupyter: its Python has the modules, whatever {@code python3} on PATH is. */
    static final Path DEBIAN = Path.of("/usr/bin/jupyter");
    /** JupyterLab's command, which {@code jupyter lab} runs: beside {@code jupyter} (package jupyterlab, Debian 13 on). */
    static final String LAB = "jupyter-lab";
    private final Host host;

    JupyterCheck(Host host) {
        this.host = host;
    }

    /**
     * The {@code jupyter} command the lab uses: Debian's {@code /usr/bin/jupyter} first, because the
     * {@code python3} on PATH may be another Python without Jupyter; else the one on PATH.
     */
    Optional<Path> command() {
        return host.isExecutable(DEBIAN) ? Optional.of(DEBIAN) : host.which("jupyter");
    }

    /**
     * JupyterLab's command beside {@link #command()}, where {@code jupyter lab} finds it: only a
     * JupyterLab of the same Python serves the same kernels.
     */
    Optional<Path> labCommand() {
        return command().map(jupyter -> jupyter.resolveSibling(LAB)).filter(host::isExecutable);
    }

    @Override
    public Check run() {
        String topic = M.get("topic.jupyter");
        Optional<Path> found = command();
        if (found.isEmpty()) {
            return Check.error(topic, M.get("jupyter.missing"), Packages.hint("jupyter"));
        }
        String python = interpreterOf(found.get());
        CommandResult modules = host.run(python, "-c", "import notebook, nbconvert, nbclient");
        if (!modules.ok()) {
            return Check.error(topic, M.get("jupyter.modules", found.get(), python), Packages.hint("jupyter"));
        }
        String detail = M.get("jupyter.found", found.get(), python) + " "
                + labCommand().map(lab -> M.get("jupyter.lab", lab)).orElse(M.get("jupyter.nolab"));
        Optional<Path> pathPython = host.which("python3");
        if (pathPython.isPresent() && !pathPython.get().toString().equals(python)
                && !host.run(pathPython.get().toString(), "-c", "import notebook").ok()) {
            detail += " " + M.get("jupyter.other.python", pathPython.get());
        }
        return Check.ok(topic, detail);
    }

    /** The interpreter of a script, from its {@code #!} line. */
    private String interpreterOf(Path script) {
        String first = host.read(script).flatMap(text -> text.lines().findFirst()).orElse("");
        return first.startsWith("#!") ? first.substring(2).trim().split("\\s+")[0] : "python3";
    }
}
