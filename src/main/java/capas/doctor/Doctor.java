package capas.doctor;

import capas.Env;
import capas.Mode;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Looks at this machine the way the lessons will use it and says, check by check, what works,
 * what does not and the exact command that fixes it.
 *
 * <p>Only looks: it changes nothing. A check that finds something this machine needs changed
 * carries the {@link Repair} that changes it, which only {@code ./lab doctor --arreglar} applies
 * (see {@link Repairs}). The same checks serve {@code ./lab doctor} and the notebook
 * {@code 00-preparacion}. Each check is a class of its own that sees the machine only through
 * a {@link Host}; this class decides their order and what each is told of the others (podman's
 * answers are asked once).
 */
public final class Doctor {
    private final Host host;
    private final String image;

    Doctor(Host host, String image) {
        this.host = host;
        this.image = image;
    }

    /** The doctor for the running user on this machine. */
    public static Doctor forThisMachine() {
        return new Doctor(new MachineHost(Env.path()), Env.image());
    }

    /** Runs every check; takes a few seconds because it asks podman in both modes. */
    public static Diagnosis diagnose() {
        return forThisMachine().run();
    }

    /**
     * What the lab cannot start without, beyond the Java running this: Jupyter and Podman. The
     * launcher stops on an error here before preparing anything.
     */
    public List<Check> requirements() {
        return List.of(new JupyterCheck(host).run(), new PodmanCheck(host).run());
    }

    /**
     * The {@code jupyter} command the lab uses: Debian's {@code /usr/bin/jupyter} first, because the
     * {@code python3} on PATH may be another Python without Jupyter; else the one on PATH.
     */
    public Optional<Path> jupyterCommand() {
        return new JupyterCheck(host).command();
    }

    /** JupyterLab's {@code jupyter-lab} beside {@link #jupyterCommand()}, if installed (Debian 13 has it, 12 not). */
    public Optional<Path> jupyterLabCommand() {
        return new JupyterCheck(host).labCommand();
    }

    public Diagnosis run() {
        boolean root = host.identity().root();
        // In a classroom container the student first reads where they are: it explains the rest.
        List<Check> checks = new ArrayList<>(new AulaCheck(host).run());
        checks.add(JavaCheck.ofThisProcess().run());
        checks.add(new JupyterCheck(host).run());
        checks.add(new KernelCheck(host).run());
        Check podman = new PodmanCheck(host).run();
        checks.add(podman);
        if (podman.status() == Status.ERROR) {
            return new Diagnosis(checks);
        }
        Optional<JsonNode> rootless = Optional.empty();
        if (root) {
            checks.add(new RootlessAsRootCheck().run());
        } else {
            checks.add(new SubIdsCheck(host).run());
            checks.add(new UserNamespaceCheck(host).run());
            rootless = PodmanInfo.of(host, Mode.ROOTLESS);
            checks.add(new StoreCheck(host, false, rootless).run());
        }
        checks.add(new SudoCheck(host).run());
        Optional<JsonNode> rootful = root || host.run("sudo", "-n", "true").ok() ? PodmanInfo.of(host, Mode.ROOTFUL) : Optional.empty();
        checks.add(new StoreCheck(host, true, rootful).run());
        checks.add(new RuntimeCheck(host, rootful.isPresent() ? rootful : rootless).run());
        checks.add(new RlimitsCheck(host).run());
        checks.add(new TunCheck(host, rootless.isPresent() ? rootless : rootful).run());
        checks.add(new FuseCheck(host).run());
        checks.add(new PropagationCheck(host).run());
        if (!root) {
            checks.add(new CourseImageCheck(host, false, rootless.isPresent(), image).run());
        }
        checks.add(new CourseImageCheck(host, true, rootful.isPresent(), image).run());
        return new Diagnosis(checks);
    }
}
