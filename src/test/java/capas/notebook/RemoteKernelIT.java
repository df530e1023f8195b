package capas.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link RemoteKernel} against a real notebook server (Debian's Notebook 6.4) on 127.0.0.1: the
 * REST API and kernel WebSocket a browser uses, with the token in an Authorization header only.
 * Debian's ipykernel ({@code python3}) for the protocol itself; the Capas kernel for what the
 * classroom runs through the Hub.
 */
class RemoteKernelIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** The Capas kernel's first cell waits for JShell to start. */
    private static final Duration CAPAS_TIMEOUT = Duration.ofSeconds(180);

    private static JupyterServer server;
    private static URI base;
    private static String token;

    @BeforeAll
    static void startServer() throws Exception {
        Prerequisites.requireExecutable("/usr/bin/jupyter");
        Prerequisites.require(Files.isDirectory(Path.of("/usr/share/jupyter/kernels/python3")), "Debian's ipykernel (python3-ipykernel)");
        Path jupyterPath = NotebookRunner.installKernel();
        Path workspace = Files.createTempDirectory(Files.createDirectories(Path.of("target", "remote-kernel").toAbsolutePath()), "jupyter-");
        server = JupyterServer.start(workspace, jupyterPath, workspace.resolve("jupyter.log"));
        // The server's URL carries its token for a browser; the client gets the two apart, as a Hub's user would.
        URI withToken = server.api("/");
        base = URI.create(withToken.getScheme() + "://" + withToken.getRawAuthority() + "/");
        token = withToken.getQuery().substring("token=".length());
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void printShowsAsText() throws Exception {
        try (RemoteKernel kernel = RemoteKernel.start(base, token, "python3")) {
            RemoteKernel.Execution run = kernel.execute("print('hola desde el kernel')", TIMEOUT);

            assertThat(run.status()).isEqualTo("ok");
            assertThat(run.text()).isEqualTo("hola desde el kernel\n");
        }
    }

    @Test
    void exceptionGivesStatusErrorWithItsName() throws Exception {
        try (RemoteKernel kernel = RemoteKernel.start(base, token, "python3")) {
            RemoteKernel.Execution run = kernel.execute("1/0", TIMEOUT);

            assertThat(run.status()).isEqualTo("error");
            assertThat(run.ename()).isEqualTo("ZeroDivisionError");
            assertThat(run.evalue()).contains("division by zero");
        }
    }

    @Test
    void twoSubmittedExecutionsEachGetTheirOwnOutput() throws Exception {
        try (RemoteKernel kernel = RemoteKernel.start(base, token, "python3")) {
            // Both sent before anything is read: the first still sleeps when the second is queued.
            CompletableFuture<RemoteKernel.Execution> slow = kernel.submit("import time; time.sleep(0.5); print('a')");
            CompletableFuture<RemoteKernel.Execution> quick = kernel.submit("print('b')");

            RemoteKernel.Execution b = kernel.await(quick, "print('b')", TIMEOUT);
            RemoteKernel.Execution a = kernel.await(slow, "print('a')", TIMEOUT);

            assertThat(a.text()).isEqualTo("a\n");
            assertThat(b.text()).isEqualTo("b\n");
            assertThat(a.msgId()).isNotEqualTo(b.msgId());
        }
    }

    @Test
    void secondClientOnTheSameKernelSeesTheOthersOutputsButKeepsOnlyItsOwn() throws Exception {
        // A teacher opening a student's notebook: two sockets on one kernel, iopub reaching both.
        try (RemoteKernel student = RemoteKernel.start(base, token, "python3");
                RemoteKernel teacher = RemoteKernel.attach(base, token, student.id())) {
            CompletableFuture<RemoteKernel.Execution> students = student.submit("import time; time.sleep(0.5); print('del alumno')");
            CompletableFuture<RemoteKernel.Execution> teachers = teacher.submit("print('del profesor')");

            RemoteKernel.Execution mine = teacher.await(teachers, "print('del profesor')", TIMEOUT);
            RemoteKernel.Execution theirs = student.await(students, "print('del alumno')", TIMEOUT);

            assertThat(mine.text()).isEqualTo("del profesor\n");
            assertThat(theirs.text()).isEqualTo("del alumno\n");
        }
    }

    @Test
    void waitThatRunsOutSaysWhatArrived() throws Exception {
        try (RemoteKernel kernel = RemoteKernel.start(base, token, "python3")) {
            String code = "import time; print('empieza', flush=True); time.sleep(30)";

            assertThatThrownBy(() -> kernel.execute(code, Duration.ofSeconds(2)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("within PT2S")
                    .hasMessageContaining(code)
                    .hasMessageContaining("iopub:status busy")
                    .hasMessageContaining("iopub:stream stdout 'empieza")
                    .hasMessageContaining("no reply yet");
        }
    }

    @Test
    void htmlDisplayShowsAsHtml() throws Exception {
        try (RemoteKernel kernel = RemoteKernel.start(base, token, "python3")) {
            RemoteKernel.Execution run = kernel.execute("from IPython.display import HTML; display(HTML('<b>x</b>'))", TIMEOUT);

            assertThat(run.status()).isEqualTo("ok");
            assertThat(run.html()).isEqualTo("<b>x</b>");
        }
    }

    @Test
    void longOutputArrivingInFragmentsIsJoinedWhole() throws Exception {
        try (RemoteKernel kernel = RemoteKernel.start(base, token, "python3")) {
            RemoteKernel.Execution run = kernel.execute("print('x' * 300000, end='')", TIMEOUT);

            assertThat(run.text()).hasSize(300000).matches("x+");
            assertThat(kernel.fragmentedMessages()).as("messages that came in more than one piece").isPositive();
        }
    }

    @Test
    void capasKernelAnswersJavaAndShellCells() throws Exception {
        try (RemoteKernel kernel = RemoteKernel.start(base, token, NotebookRunner.KERNEL)) {
            RemoteKernel.Execution sum = kernel.execute("1+1", CAPAS_TIMEOUT);
            // A shell cell as the lessons write them (notebooks/03: "%%bash" then the commands).
            RemoteKernel.Execution shell = kernel.execute("%%bash\necho \"capas-$((6*7))\"", TIMEOUT);
            RemoteKernel.Execution failing = kernel.execute("Integer.parseInt(\"no\")", TIMEOUT);

            assertThat(sum.status()).isEqualTo("ok");
            assertThat(sum.text()).isEqualTo("2");
            assertThat(shell.status()).isEqualTo("ok");
            assertThat(shell.text()).contains("capas-42");
            assertThat(failing.status()).isEqualTo("error");
        }
    }
}
