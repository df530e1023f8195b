package capas.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Lesson 04 (rootless), executed top to bottom through real Jupyter on the Capas kernel as the
 * lab user, checked by what a student would look at: each one-line Comprueba's checklist (no ✗,
 * the claims it should make, the predictions answered right here come out ✓), and the outputs
 * of the commands compared with what this test reads itself (/etc/subuid, /proc).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RootlessNotebookIT {
    private static final Pattern NS_ROW = Pattern.compile("^(.+?)\\s+(mnt:\\[\\d+\\])\\s+(user:\\[\\d+\\])$", Pattern.MULTILINE);

    private ExecutedNotebook nb;
    private long uid;
    private long subuidStart;
    private long subgidStart;

    @BeforeAll
    void execute() throws IOException {
        Prerequisites.requireExecutable("/usr/bin/jupyter");
        Prerequisites.require(!"root".equals(System.getProperty("user.name")), "an unprivileged user (rootless podman)");
        uid = new com.sun.security.auth.module.UnixSystem().getUid();
        subuidStart = firstRange(Path.of("/etc/subuid"));
        subgidStart = firstRange(Path.of("/etc/subgid"));
        // A student who predicts right: the host does not see the rootless overlay, root inside is not a subordinate uid, the host
        // shows the student's own uid for root's files (the container's and the image's), and the store keeps its own copy of the image.
        nb = NotebookRunner.execute(AnsweredNotebook.with(Path.of("notebooks", "04-almacenamiento-rootless.ipynb"),
                Map.of("anfitrion-ve-overlay", "no", "root-en-subuid", "no", "uid-de-root", String.valueOf(uid), "dueno-de-busybox", "el mío",
                        "capas-del-rootful", "no")));
    }

    private long firstRange(Path file) throws IOException {
        String user = System.getProperty("user.name");
        return Files.readAllLines(file).stream().map(l -> l.split(":")).filter(f -> f.length == 3 && (f[0].equals(user) || f[0].equals(String.valueOf(uid))))
                .map(f -> Long.parseLong(f[1])).findFirst().orElseThrow();
    }

    @Test
    void noCellFailsAndEveryComprobaSaysWhatItChecked() {
        assertThat(nb.errors()).isEmpty();
        List<ExecutedNotebook.Cell> checks = nb.cells().stream().filter(c -> !c.tags().isEmpty() && c.tags().get(0).startsWith("comprueba-")).toList();
        assertThat(checks).extracting(c -> c.tags().get(0)).containsExactly("comprueba-run", "comprueba-ns", "comprueba-montajes", "comprueba-tmpfs",
                "comprueba-tmpfs-limpio", "comprueba-idmap", "comprueba-owners", "comprueba-image-owners", "comprueba-userxattr", "comprueba-cleanup");
        for (ExecutedNotebook.Cell check : checks) {
            assertThat(check.source().strip()).as(check.tags().get(0)).startsWith("leccion.comprueba(\"").doesNotContain("\n");
            assertThat(check.html()).as(check.tags().get(0)).contains("capas-checklist");
            List<String> marks = check.text().lines().filter(l -> l.matches("^[✓✗~] .*")).toList();
            assertThat(marks).as(check.tags().get(0)).isNotEmpty().allMatch(l -> l.startsWith("✓ "));
            assertThat(check.text()).as(check.tags().get(0)).contains("Comprueba: ").doesNotContain("✗");
        }
        assertThat(nb.cell("preparacion").text()).contains("✓ almacén rootless: ").contains("✓ imagen del curso: ");
    }

    @Test
    void twoLabelledContainersRunInTheUsersStore() {
        assertThat(nb.cell("run").text()).contains("contenedor1").contains("contenedor2");
        assertThat(nb.cell("comprueba-run").text()).contains("✓ contenedor1 está en marcha, con la etiqueta capas.leccion=04")
                .contains("✓ contenedor2 está en marcha, con la etiqueta capas.leccion=04").contains("✓ contenedor1 está en el índice de contenedores de tu almacén rootless");
    }

    @Test
    void eachContainerHasItsOwnMountNamespaceAndUnshareJoinsThePauseProcess() {
        String text = nb.cell("ns").text();
        assertThat(text).contains("proceso de pausa: pid ").contains("libpod/tmp/pause.pid").contains("podman pause");
        Map<String, String[]> rows = new HashMap<>();
        Matcher m = NS_ROW.matcher(text);
        while (m.find()) {
            rows.put(m.group(1).strip().split(" ")[0], new String[] {m.group(2), m.group(3)});
        }
        assertThat(rows).containsKeys("esta", "pausa", "podman", "contenedor1", "contenedor2");
        assertThat(rows.get("podman")).containsExactly(rows.get("pausa"));
        assertThat(rows.get("contenedor1")[0]).isNotEqualTo(rows.get("contenedor2")[0]).isNotEqualTo(rows.get("pausa")[0]).isNotEqualTo(rows.get("esta")[0]);
        assertThat(rows.get("pausa")[0]).isNotEqualTo(rows.get("esta")[0]);
        assertThat(rows.get("contenedor1")[1]).isEqualTo(rows.get("pausa")[1]).isNotEqualTo(rows.get("esta")[1]);

        assertThat(nb.cell("namespaces").html()).contains("<table").contains("proceso de pausa de Podman").contains("dentro de podman unshare")
                .contains("PID 1 de contenedor1").contains(rows.get("contenedor1")[0]).contains(rows.get("pausa")[0]);
        assertThat(nb.cell("comprueba-ns").text()).contains("✓ cada contenedor tiene su propio espacio de nombres de montaje")
                .contains("anfitrión " + rows.get("esta")[0] + "; Podman " + rows.get("pausa")[0] + "; contenedor1 " + rows.get("contenedor1")[0])
                .contains("✓ podman unshare entra en los espacios de nombres de montaje y de usuario del proceso de pausa")
                .contains("✓ los dos contenedores están en el espacio de nombres de usuario de Podman\n    " + rows.get("pausa")[1])
                .contains("✓ el PID 1 de contenedor1 es del uid 0 dentro, y del " + uid + " en el anfitrión").contains("en el anfitrión es del uid " + uid + " (tú)");
    }

    @Test
    void hostDoesNotSeeTheOverlaysButUnshareSeesBoth() {
        assertThat(nb.cell("host-mount").text()).contains("ningún montaje overlay de tu almacén rootless");
        assertThat(nb.cell("unshare-mount").text().lines().filter(l -> l.startsWith("overlay on ")).count()).isGreaterThanOrEqualTo(2);
        assertThat(nb.cell("exec-mount").text().lines().filter(l -> l.startsWith("overlay on / ")).count()).isEqualTo(1);
        assertThat(nb.cell("pause-mountinfo").text()).containsPattern("proceso de pausa\\):\n[1-9]\\d*\n").containsPattern("anfitrión\\):\n0\n");
        assertThat(nb.cell("comprueba-montajes").text()).contains("✓ el anfitrión no ve ningún overlay bajo ")
                .containsPattern("✓ el overlay de contenedor1 está en la tabla de montajes del proceso de pausa, /proc/\\d+/mountinfo")
                .containsPattern("✓ el overlay de contenedor2 está en la tabla de montajes del proceso de pausa")
                .contains("✓ dentro de podman unshare se ven los dos overlay").contains("✓ dentro de contenedor1 sólo hay un overlay, su raíz /")
                .contains("✓ Tu predicción para «¿verá el anfitrión el overlay de un contenedor rootless?»: «no»\n    En tu máquina: no lo ve");
        List<String> tags = nb.cells().stream().filter(c -> !c.tags().isEmpty()).map(c -> c.tags().get(0)).toList();
        assertThat(tags.indexOf("prediccion-anfitrion")).isLessThan(tags.indexOf("host-mount"));
        assertThat(tags.indexOf("prediccion-uid")).isLessThan(tags.indexOf("host-ls"));
    }

    @Test
    void anUnprivilegedUserMountsATmpfsOnlyInsideUnshare() {
        assertThat(nb.cell("tmpfs-mount").text()).contains("(mount ha fallado: código").containsPattern("/capas-04-tmpfs .* - tmpfs tmpfs");
        assertThat(nb.cell("tmpfs-ls").text()).contains("(ningún montaje en ").containsPattern("(?m)^hola.txt$");
        assertThat(nb.cell("comprueba-tmpfs").text()).contains("✓ dentro de podman unshare hay un tmpfs montado en ").contains("✓ y dentro se lee hola.txt")
                .contains("✓ el anfitrión no tiene ese montaje").contains("✓ desde el anfitrión, el directorio está vacío");
        assertThat(nb.cell("tmpfs-cleanup").text()).contains("desmontada y borrada");
        assertThat(nb.cell("comprueba-tmpfs-limpio").text()).contains("ya no está montado dentro de podman unshare").contains("✓ y el directorio ya no existe");
    }

    @Test
    void uidAndGidMapsComeFromSubuidAndSubgid() {
        assertThat(nb.cell("uid-map").text()).containsPattern("(?m)^\\s+0\\s+0\\s+4294967295$")
                .containsPattern("(?m)^\\s+0\\s+" + uid + "\\s+1$").containsPattern("(?m)^\\s+1\\s+" + subuidStart + "\\s+\\d+$")
                .containsPattern("(?m)^\\s+1\\s+" + subgidStart + "\\s+\\d+$").contains("/etc/subuid:").contains("/etc/subgid:");
        assertThat(nb.cell("idmap").text()).contains("uid_map").contains("gid_map").contains("0–0 → " + uid + "–" + uid)
                .contains("1–").contains("→ " + subuidStart + "–");
        assertThat(nb.cell("comprueba-idmap").text()).contains("✓ tu uid " + uid + " es root (0) dentro")
                .contains("✓ los uid 1…").contains(" de dentro son " + subuidStart + "…").contains("el 1 de dentro es el " + subuidStart)
                .contains("✓ el uid 1000 de dentro es el " + (subuidStart + 999) + " del anfitrión")
                .contains(" de dentro son " + subgidStart + "…")
                .contains("✓ Tu predicción para «¿será el root (uid 0) de dentro uno de los uid de tu rango de /etc/subuid?»: «no»\n"
                        + "    En tu máquina: no: el 0 de dentro es el " + uid + ", fuera de tu rango de /etc/subuid (" + subuidStart + "…");
        assertThat(tags().indexOf("prediccion-subuid")).isLessThan(tags().indexOf("uid-map"));
    }

    private List<String> tags() {
        return nb.cells().stream().filter(c -> !c.tags().isEmpty()).map(c -> c.tags().get(0)).toList();
    }

    @Test
    void ownersOfTheContainerLayerDifferInsideAndOutside() {
        assertThat(nb.cell("inspect").source()).contains("{{$key}} = {{$dir}}\\n{{end}}");
        assertThat(nb.cell("inspect").text()).contains("usuario por defecto de la imagen: 0:0").contains("MergedDir = ").contains("UpperDir = ").doesNotContain("\\n");
        assertThat(nb.cell("unshare-ls").text()).containsPattern("1000\\s+1000 .* de-usuario.txt").containsPattern(" 0\\s+0 .* tmpfile.txt");
        assertThat(nb.cell("host-ls").text()).containsPattern((subuidStart + 999) + "\\s+" + (subgidStart + 999) + " .* de-usuario.txt")
                .containsPattern(uid + "\\s+\\d+ .* tmpfile.txt");
        assertThat(nb.cell("owners").html()).contains("de-usuario.txt").contains("1000:1000").contains("0:0");
        assertThat(nb.cell("comprueba-owners").text()).contains("✓ tmpfile.txt: escrito por 0:0 dentro; en el disco tiene que ser de " + uid + ":")
                .contains("en el disco es de " + uid + ":").contains("(tú)")
                .contains("✓ de-usuario.txt: escrito por 1000:1000 dentro; en el disco tiene que ser de " + (subuidStart + 999) + ":" + (subgidStart + 999))
                .contains("✓ de-usuario.txt: dentro de podman unshare se ve de 1000:1000")
                .contains("✓ Tu predicción para «¿qué uid mostrará el anfitrión para tmpfile.txt").contains("«" + uid + "»\n    En tu máquina: el " + uid + " (tú)");
    }

    @Test
    void imageLayersAndMergedAreOwnedByTheUserOutsideAndByRootInside() {
        String image = nb.cell("image-ls").text();
        assertThat(image).contains("capa de la imagen: ").containsPattern(" " + uid + "\\s+\\d+ .*/bin/busybox").containsPattern(" 0\\s+0 .*/bin/busybox");
        assertThat(nb.cell("image-owner").text()).contains("/bin/busybox");
        String merged = nb.cell("merged-ls").text();
        assertThat(merged).contains("MergedDir = ").contains("desde el anfitrión:\n(directorio vacío)").containsPattern("root\\s+root .* bin").containsPattern("root\\s+root .* tmp");
        assertThat(nb.cell("comprueba-image-owners").text()).contains("✓ /bin/busybox sale de una capa de la imagen")
                .contains("en el disco, uid " + uid + "; dentro de podman unshare, uid 0 (tú)")
                .contains("tiene, dentro de podman unshare, el dueño de la capa que la sirve, traducido").contains("✓ hay entradas de root root (0:0) en merged")
                .contains("✓ desde el anfitrión, merged está vacío")
                .contains("✓ Tu predicción para «¿de qué uid será /bin/busybox en el disco, visto desde el anfitrión?»: «el mío»\n"
                        + "    En tu máquina: el " + uid + " (tú)");
        assertThat(tags().indexOf("prediccion-busybox")).isLessThan(tags().indexOf("image-ls"));
    }

    @Test
    void rootlessOverlayUsesUserxattr() {
        assertThat(nb.cell("ls-store").text()).contains("overlay-containers").contains("diff").contains("merged");
        assertThat(nb.cell("userxattr").text()).contains("userxattr");
        assertThat(nb.cell("comprueba-userxattr").text()).contains("tiene diff, work, merged y link").contains("✓ el overlay rootless se monta con userxattr")
                .containsPattern("✓ las \\d+ capas de la imagen del curso tienen su propio diff en tu almacén, .*/\\.local/share/containers/storage")
                .contains("✓ Tu predicción para «¿usa tu almacén rootless las capas de la imagen del curso del almacén rootful?»: «no»\n"
                        + "    En tu máquina: no: tu almacén tiene su propia copia, en ");
        assertThat(tags().indexOf("prediccion-almacen")).isLessThan(tags().indexOf("ls-store"));
        assertThat(nb.cell("diagram-rootless").svg()).contains("<svg");
    }

    @Test
    void cleansUpWhatItCreatedAndChecksIt() {
        assertThat(nb.cell("before-cleanup").text()).contains("¿existe? true");
        String cleanup = nb.cell("cleanup").text();
        assertThat(cleanup).contains("CONTAINER ID");
        assertThat(cleanup.lines().filter(l -> l.contains("contenedor")).toList()).containsExactlyInAnyOrder("contenedor1", "contenedor2");
        assertThat(nb.cell("comprueba-cleanup").text()).contains("✓ contenedor1 y contenedor2 ya no existen").contains("✓ sus capas se han ido del disco")
                .contains("✓ ningún overlay suyo sigue montado").contains("✓ la imagen sigue en tu almacén");
    }
}
