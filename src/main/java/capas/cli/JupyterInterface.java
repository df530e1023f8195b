package capas.cli;

import capas.CapasException;
import capas.Env;
import capas.Messages;
import capas.doctor.Doctor;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The two Jupyter interfaces {@code ./lab} can open on the same kernels: JupyterLab 4 (a
 * jupyter_server application, Debian 13 on) and the classic Notebook 6.4 (Debian 12 has only this).
 * What differs between them for the launcher is named here, and so is the rule of which one opens.
 */
public enum JupyterInterface {
    /** JupyterLab 4: {@code jupyter lab}, notebooks at {@code /lab/tree/…}. */
    LAB("lab", "ServerApp.root_dir", "IdentityProvider.token", "/lab/tree/"),
    /** Jupyter Notebook 6.4: {@code jupyter notebook}, notebooks at {@code /notebooks/…}. */
    NOTEBOOK("notebook", "NotebookApp.notebook_dir", "NotebookApp.token", "/notebooks/");

    private static final Messages M = Messages.of(JupyterInterface.class);
    /** The {@code jupyter} subcommand, and the word {@code CAPAS_INTERFAZ} takes. */
    private final String word;
    private final String rootDirOption;
    private final String tokenOption;
    private final String notebookPrefix;

    JupyterInterface(String word, String rootDirOption, String tokenOption, String notebookPrefix) {
        this.word = word;
        this.rootDirOption = rootDirOption;
        this.tokenOption = tokenOption;
        this.notebookPrefix = notebookPrefix;
    }

    /**
     * The rule: the one {@code asked} names ({@code CAPAS_INTERFAZ}: {@code lab} or {@code notebook}),
     * else JupyterLab where it is installed, else Notebook. Asking for JupyterLab where it is not
     * installed, or for an unknown one, is a Spanish error that says what to do.
     */
    static JupyterInterface choose(String asked, boolean labInstalled) {
        String word = asked == null ? "" : asked.strip().toLowerCase(Locale.ROOT);
        if (word.isEmpty()) {
            return labInstalled ? LAB : NOTEBOOK;
        }
        for (JupyterInterface ui : values()) {
            if (ui.word.equals(word)) {
                if (ui == LAB && !labInstalled) {
                    throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("interface.lab.missing"),
                            M.get("interface.lab.missing.fix", Env.INTERFACE));
                }
                return ui;
            }
        }
        throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("interface.unknown", Env.INTERFACE, asked),
                M.get("interface.unknown.fix", Env.INTERFACE));
    }

    /** What {@code ./lab} opens on this machine, by {@link #choose}: the browser tests drive the same one. */
    public static JupyterInterface ofThisMachine() {
        return choose(Env.get(Env.INTERFACE, ""), labInstalled());
    }

    /** Whether JupyterLab is installed beside the {@code jupyter} the lab uses. */
    static boolean labInstalled() {
        return Doctor.forThisMachine().jupyterLabCommand().isPresent();
    }

    /** The interfaces whose servers may be running here: Notebook always, JupyterLab where installed. */
    static List<JupyterInterface> installed(boolean labInstalled) {
        return labInstalled ? List.of(LAB, NOTEBOOK) : List.of(NOTEBOOK);
    }

    /** The name a student reads (JupyterLab, Jupyter Notebook). */
    public String title() {
        return M.get("interface." + word);
    }

    /** The other one. */
    JupyterInterface other() {
        return this == LAB ? NOTEBOOK : LAB;
    }

    /** The value of {@code CAPAS_INTERFAZ} that chooses this one. */
    String word() {
        return word;
    }

    /**
     * {@code jupyter <lab|notebook>} serving {@code dir} on 127.0.0.1:{@code port}, no browser:
     * {@code extra} options follow (a test's fixed token, say).
     */
    public List<String> serverCommand(Path jupyter, int port, Path dir, String... extra) {
        List<String> command = new java.util.ArrayList<>(List.of(jupyter.toString(), word, "--no-browser", "--ip=127.0.0.1",
                "--port=" + port, "--" + rootDirOption + "=" + dir));
        command.addAll(List.of(extra));
        return command;
    }

    /** The option that sets the server's token to {@code token}. */
    public String tokenOption(String token) {
        return "--" + tokenOption + "=" + token;
    }

    /** {@code jupyter <lab|notebook> list --json}: one JSON object a line for each running server. */
    List<String> listCommand(Path jupyter) {
        return List.of(jupyter.toString(), word, "list", "--json");
    }

    /** The path that opens {@code notebook} (relative to the served folder) in this interface. */
    public String notebookPath(String notebook) {
        return notebookPrefix + notebook;
    }
}
