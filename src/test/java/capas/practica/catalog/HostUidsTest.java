package capas.practica.catalog;

import capas.lab.FileOwner;
import capas.practica.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

import capas.store.IdMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The feedback on a host uid, with the map of this machine's alumno (uid 1001, subuids from 100000). */
class HostUidsTest {
    private static final IdMap MAP = IdMap.parse("0 1001 1\n1 100000 65536\n");
    private static final FileOwner ROOT_FILE = new FileOwner("/tmp/de-root.txt", 1001, 1001, 0, 0);
    private static final FileOwner USER_FILE = new FileOwner("/tmp/de-1000.txt", 100999, 100999, 1000, 1000);

    @Test
    void rootOfTheContainerIsTheStudentOnTheHost() {
        Verdict v = HostUids.hostUid(2, 1001, ROOT_FILE, MAP);
        assertThat(v.correct()).isTrue();
        assertThat(v.message()).contains("tu propio usuario").contains("1001").doesNotContain("1.001");
        assertThat(v.details()).containsExactly("/tmp/de-root.txt: en el anfitrión, uid 1001; dentro del contenedor, uid 0");
    }

    @Test
    void namesTheUsualConfusions() {
        assertThat(HostUids.hostUid(2, 0, ROOT_FILE, MAP).message()).contains("dueño dentro del contenedor");
        assertThat(HostUids.hostUid(2, 100000L, ROOT_FILE, MAP).message()).contains("primer uid de tu rango");
        assertThat(HostUids.hostUid(3, 1000, USER_FILE, MAP).message()).contains("dueño dentro del contenedor");
        assertThat(HostUids.hostUid(3, 101000, USER_FILE, MAP).message()).isEqualTo("Casi: te has pasado en uno. El primer uid de tu rango"
                + " de /etc/subuid (100000) corresponde al uid 1 del contenedor, no al 0: cuenta desde ahí hasta el 1000.");
        assertThat(HostUids.hostUid(3, 100998, USER_FILE, MAP).message()).startsWith("Casi: te has quedado corto en uno.").contains("(100000)");
        assertThat(HostUids.hostUid(3, 4242, USER_FILE, MAP).message()).contains("ls -ln");
        assertThat(HostUids.hostUid(3, "100999\n", USER_FILE, MAP).correct()).isTrue();
    }

    @Test
    void namesTheUidsOfTheOtherFileAndOfTheRange() {
        // Root's file answered with a uid of the range: the range starts at container uid 1.
        assertThat(HostUids.hostUid(2, 100999, ROOT_FILE, MAP).message()).startsWith("El 100999 es de tu rango de /etc/subuid")
                .contains("primera línea de uid_map");
        // The 1000's file answered with the student's own uid, or with the first of the range.
        assertThat(HostUids.hostUid(3, 1001, USER_FILE, MAP).message()).startsWith("El 1001 es tu propio uid").contains("uid 1000 del contenedor");
        assertThat(HostUids.hostUid(3, 100000, USER_FILE, MAP).message()).contains("corresponde al uid 1 del contenedor, no al 1000");
        // Inside podman unshare, 0 is how the student's own files show, not this one.
        assertThat(HostUids.unshareUid(0, USER_FILE).message()).startsWith("0 es root");
    }

    @Test
    void anAnswerThatIsNotANumberIsToldSo() {
        // Each is refused as "not a number", not judged as some other uid: a parse that took
        // "uid 1001" for 1001 or -1 for a uid would give another message (or a ✓).
        for (Object answer : new Object[] {null, "", "abc", "uid 1001", -1, -1001L, "1e3", "1001.0", 1001.5}) {
            Verdict v = HostUids.hostUid(2, answer, ROOT_FILE, MAP);
            assertThat(v.correct()).as(String.valueOf(answer)).isFalse();
            assertThat(v.message()).as(String.valueOf(answer)).contains("Escribe un número");
        }
    }

    @Test
    void insidePodmanUnshareTheContainerUidIsSeen() {
        assertThat(HostUids.unshareUid("1000", USER_FILE).correct()).isTrue();
        assertThat(HostUids.unshareUid(100999, USER_FILE).message()).contains("el uid que ve el anfitrión");
        assertThat(HostUids.unshareUid(7, USER_FILE).message()).contains("podman unshare ls -ln");
    }

    private static final HostUids.Pids PIDS = new HostUids.Pids(2345, 3456, 3450, 999, pid -> pid == 4000 || pid < 5000 && pid > 1000);

    @Test
    void thePausePidIsTheOnePodmanWrote() {
        Verdict v = HostUids.judgePid(2345L, PIDS);
        assertThat(v.correct()).isTrue();
        assertThat(v.task()).isEqualTo(5);
        assertThat(HostUids.judgePid(" 2345\n", PIDS).correct()).isTrue();
    }

    @Test
    void eachUsualWrongPidGetsItsOwnDirection() {
        Map<Object, String> expected = Map.of(
                3456, "Ese es el primer proceso de capas-p6",
                3450, "Ese es conmon",
                999, "este núcleo (kernel) de Jupyter",
                1, "El 1 es el primer proceso",
                4000, "Ese proceso existe, pero no es el de pausa",
                77777, "No hay ningún proceso con ese pid",
                "pausa", "un número, sin comillas");
        expected.forEach((given, says) -> {
            Verdict v = HostUids.judgePid(given, PIDS);
            assertThat(v.correct()).as(given.toString()).isFalse();
            assertThat(v.message()).as(given.toString()).contains(says);
        });
    }

    @Test
    void aRootlessOverlayIsOnlyInThePauseProcesssNamespace() {
        String merged = "/home/alumno/.local/share/containers/storage/overlay/abc/merged";
        Verdict v = HostUids.judgePlace("Pausa", merged, true, false);
        assertThat(v.correct()).isTrue();
        assertThat(v.task()).isEqualTo(6);
        assertThat(v.message()).contains("lección 03");
        assertThat(v.details()).containsExactly("merged: " + merged, "en la tabla del anfitrión (/proc/self/mountinfo): no",
                "en la del proceso de pausa: sí");
        assertThat(HostUids.judgePlace("anfitrión", merged, true, false).message()).contains("no está. Podman rootless lo monta dentro");
        assertThat(HostUids.judgePlace("ANFITRION", merged, true, false).message()).contains("no está. Podman rootless lo monta dentro");
        assertThat(HostUids.judgePlace("los dos", merged, true, false).message()).startsWith("Sólo en una de las dos");
        assertThat(HostUids.judgePlace("en el contenedor", merged, true, false).message()).contains("ese overlay es la raíz");
        assertThat(HostUids.judgePlace("en la pausa, no en el anfitrión", merged, true, false).message()).contains("una sola de estas palabras");
        assertThat(HostUids.judgePlace("", merged, true, false).message()).contains("una sola de estas palabras");
    }

    @Test
    void whatTheTablesSayIsTheAnswerWhereverTheOverlayIs() {
        // A podman that mounted in the host's namespace (none does rootless today): the tables decide, not the lesson.
        assertThat(HostUids.judgePlace("anfitrión", "/m", false, true).correct()).isTrue();
        assertThat(HostUids.judgePlace("pausa", "/m", false, true).message()).contains("mira los detalles");
    }
}
