package capas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JupyterServersTest {
    /** What {@code jupyter notebook list --json} prints (Notebook 6.4): one JSON object per line. */
    private static final String LISTING = """
            {"base_url": "/", "hostname": "127.0.0.1", "notebook_dir": "/home/alumno/otro", "password": false, "pid": 11, "port": 8889, "secure": false, "sock": "", "token": "aaa", "url": "http://127.0.0.1:8889/"}
            not json at all
            {"base_url": "/", "hostname": "127.0.0.1", "notebook_dir": "/home/alumno/capas/notebooks", "password": false, "pid": 4242, "port": 8888, "secure": false, "sock": "", "token": "f00d", "url": "http://127.0.0.1:8888/"}
            """;

    /** What {@code jupyter lab list --json} prints (jupyter_server 2, JupyterLab 4): the folder is {@code root_dir}. */
    private static final String LAB_LISTING = """
            {"base_url": "/", "hostname": "127.0.0.1", "password": false, "pid": 5151, "port": 8890, "root_dir": "/home/alumno/capas/notebooks", "secure": false, "sock": "", "token": "beef", "url": "http://127.0.0.1:8890/", "version": "2.15.0"}
            """;

    @Test
    void findsTheServerOfThisCheckoutsNotebooks() {
        JupyterServers.Server server = JupyterServers.find(LISTING, Path.of("/home/alumno/capas/notebooks")::equals,
                JupyterInterface.NOTEBOOK).orElseThrow();

        assertThat(server.ui()).isEqualTo(JupyterInterface.NOTEBOOK);
        assertThat(server.pid()).isEqualTo(4242);
        assertThat(server.port()).isEqualTo(8888);
        assertThat(server.address()).isEqualTo("http://127.0.0.1:8888/?token=f00d");
    }

    @Test
    void findsAJupyterLabServerByItsRootDir() {
        JupyterServers.Server server = JupyterServers.find(LAB_LISTING, Path.of("/home/alumno/capas/notebooks")::equals,
                JupyterInterface.LAB).orElseThrow();

        assertThat(server.ui()).isEqualTo(JupyterInterface.LAB);
        assertThat(server.pid()).isEqualTo(5151);
        assertThat(server.address()).isEqualTo("http://127.0.0.1:8890/?token=beef");
    }

    @Test
    void noServerForAnotherFolder() {
        assertThat(JupyterServers.find(LISTING, Path.of("/home/alumno/capas-test/notebooks")::equals, JupyterInterface.NOTEBOOK)).isEmpty();
        assertThat(JupyterServers.find(LAB_LISTING, Path.of("/home/alumno/capas-test/notebooks")::equals, JupyterInterface.LAB)).isEmpty();
        assertThat(JupyterServers.find("", p -> true, JupyterInterface.NOTEBOOK)).isEmpty();
    }
}
