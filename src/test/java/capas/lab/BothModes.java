package capas.lab;

import capas.Mode;
import capas.notebook.Prerequisites;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The two podman modes an integration test of the facade runs in (rootful through the sudo
 * probe; rootless only as an unprivileged user), and the labs it opened, to close after the class
 * together with the one container it made.
 */
final class BothModes {
    private final String container;
    private final List<Capas> opened = new ArrayList<>();

    /** @param container the name of the lab container the test creates in each store, removed at the end */
    BothModes(String container) {
        this.container = container;
    }

    static Stream<Arguments> modes() {
        Prerequisites.requireExecutable("/usr/bin/podman");
        List<Arguments> modes = new ArrayList<>();
        modes.add(Arguments.of(Mode.ROOTFUL));
        if (!"root".equals(System.getProperty("user.name"))) {
            modes.add(Arguments.of(Mode.ROOTLESS));
        } else {
            Prerequisites.require(false, "an unprivileged user for the rootless half (./lab test runs as alumno)");
        }
        return modes.stream();
    }

    Capas lab(Mode mode) {
        Capas lab = mode == Mode.ROOTFUL ? Capas.rootful() : Capas.rootless();
        opened.add(lab);
        return lab;
    }

    void cleanUp() {
        for (Capas lab : opened) {
            lab.podman().removeIfLab(container);
            lab.close();
        }
    }
}
