package capas.leccion.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import capas.leccion.Checked;
import capas.leccion.Checklist;
import capas.os.Entry;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Lesson 01's judges on hand-made facts: what the notebook leaves passes, and each wrong fact fails its claim. */
class UnionFilesystemTest {
    private static final Path DIR = Path.of("/home/alumno/capas-01");
    private static final String LINE = "120 30 0:50 / " + DIR + "/con-root/merged rw,relatime shared:1 - overlay overlay "
            + "rw,lowerdir=lower,upperdir=upper,workdir=work";

    private static Entry whiteout(int uid) {
        return new Entry(DIR.resolve("con-root/upper/f2"), 0020000, 0, uid, uid, 0);
    }

    private static boolean passed(List<Checked> items) {
        return new Checklist("t", items).passed();
    }

    private static List<Checked> predictions(List<Checked> items) {
        return items.stream().filter(i -> i.kind() == Checked.Kind.PREDICTION).toList();
    }

    @Test
    void theLayersAsWrittenPassAndAMissingFileIsNamed() {
        var right = new UnionFilesystem.Layers(DIR, List.of(), UnionFilesystem.F3_LOWER, UnionFilesystem.F3_UPPER, List.of(), List.of());
        assertThat(passed(UnionFilesystem.judgeLayers(right))).isTrue();
        var wrong = new UnionFilesystem.Layers(DIR, List.of("upper/f4"), UnionFilesystem.F3_LOWER, UnionFilesystem.F3_UPPER, List.of(), List.of("f1"));
        List<Checked> items = UnionFilesystem.judgeLayers(wrong);
        assertThat(passed(items)).isFalse();
        assertThat(new Checklist("t", items).toString()).contains("✗ lower tiene f1", "faltan: upper/f4", "✗ work y merged están vacíos");
    }

    @Test
    void theMountMustBeOursAndARightPredictionIsTicked() {
        var facts = new UnionFilesystem.Mount(DIR.resolve("con-root/merged"), LINE, UnionFilesystem.MERGED_NAMES, UnionFilesystem.F3_UPPER);
        List<Checked> items = UnionFilesystem.judgeMount(facts, Optional.of("el de upper"));
        assertThat(passed(items)).isTrue();
        assertThat(predictions(items)).singleElement().satisfies(p -> assertThat(p.holds()).isTrue());
        assertThat(new Checklist("t", items).toString()).contains("✓ " + DIR + "/con-root/merged está montado", LINE);

        var notMounted = new UnionFilesystem.Mount(DIR.resolve("con-root/merged"), null, List.of(), null);
        assertThat(new Checklist("t", UnionFilesystem.judgeMount(notMounted, Optional.empty())).toString())
                .contains("✗ " + DIR + "/con-root/merged está montado", "no aparece en la tabla de montajes");
    }

    @Test
    void aWrongOrMissingPredictionNeverFails() {
        var facts = new UnionFilesystem.Mount(DIR.resolve("con-root/merged"), LINE, UnionFilesystem.MERGED_NAMES, UnionFilesystem.F3_UPPER);
        List<Checked> wrong = UnionFilesystem.judgeMount(facts, Optional.of("Lower"));
        assertThat(passed(wrong)).isTrue();
        assertThat(predictions(wrong)).singleElement().satisfies(p -> assertThat(p.holds()).isFalse());
        List<Checked> none = UnionFilesystem.judgeMount(facts, Optional.of("tu respuesta aquí"));
        assertThat(predictions(none).get(0).claim()).startsWith("No has anotado ninguna predicción");
    }

    @Test
    void theLibraryMustAgreeOnWhichLayerServes() {
        assertThat(passed(UnionFilesystem.judgeWhichLayer(new UnionFilesystem.WhichLayer(UnionFilesystem.F3_UPPER, "upper", "lower")))).isTrue();
        assertThat(passed(UnionFilesystem.judgeWhichLayer(new UnionFilesystem.WhichLayer(UnionFilesystem.F3_LOWER, "lower", "lower")))).isFalse();
    }

    @Test
    void aNewFileMustBeInUpperOnly() {
        assertThat(passed(UnionFilesystem.judgeNewFile(new UnionFilesystem.NewFile(UnionFilesystem.F5, false, "upper"), Optional.of("upper")))).isTrue();
        assertThat(passed(UnionFilesystem.judgeNewFile(new UnionFilesystem.NewFile(null, true, "lower"), Optional.of("upper")))).isFalse();
    }

    @Test
    void aWhiteoutIsACharacterDeviceZeroZero() {
        var right = new UnionFilesystem.Whiteout(Optional.of(whiteout(0)), UnionFilesystem.F2, false, true);
        List<Checked> items = UnionFilesystem.judgeWhiteout(right, Optional.of("una marca de borrado"));
        assertThat(passed(items)).isTrue();
        assertThat(predictions(items).get(0).holds()).isTrue();
        // A plain empty file named f2 is not a whiteout.
        var plain = new UnionFilesystem.Whiteout(Optional.of(new Entry(DIR.resolve("con-root/upper/f2"), 0100644, 0, 0, 0, 0)),
                UnionFilesystem.F2, false, false);
        assertThat(new Checklist("t", UnionFilesystem.judgeWhiteout(plain, Optional.of("nada"))).toString())
                .contains("✗ upper/f2 es una marca de borrado", "no es una marca de borrado (-rw-r--r--");
    }

    @Test
    void aCopyUpCopiesTheWholeFile() {
        long line = "Una línea más\n".getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        var whole = new UnionFilesystem.CopyUp(List.of(UnionFilesystem.F1, UnionFilesystem.ONE_MORE_LINE), UnionFilesystem.F1,
                UnionFilesystem.BIG, UnionFilesystem.BIG + line);
        List<Checked> items = UnionFilesystem.judgeCopyUp(whole, Optional.of("8 MiB"));
        assertThat(passed(items)).isTrue();
        assertThat(new Checklist("t", items).toString()).contains("upper/grande ocupa 8388624 bytes (8388608 copiados + 16 de la línea nueva)");
        var onlyTheLine = new UnionFilesystem.CopyUp(List.of(UnionFilesystem.ONE_MORE_LINE), UnionFilesystem.F1, UnionFilesystem.BIG, line);
        assertThat(passed(UnionFilesystem.judgeCopyUp(onlyTheLine, Optional.of("16 bytes")))).isFalse();
        assertThat(predictions(UnionFilesystem.judgeCopyUp(whole, Optional.of("16 bytes"))).get(0).holds()).isFalse();
    }

    @Test
    void anOpaqueDirectoryHidesWhatIsBelow() {
        assertThat(passed(UnionFilesystem.judgeOpaque(new UnionFilesystem.Opaque("y", false, true, false, false), Optional.of("no")))).isTrue();
        assertThat(passed(UnionFilesystem.judgeOpaque(new UnionFilesystem.Opaque(null, true, true, false, false), Optional.of("no")))).isFalse();
    }

    @Test
    void theLeftmostLowerWins() {
        assertThat(passed(UnionFilesystem.judgeLowers(new UnionFilesystem.Lowers("Soy de lower1", "lower1", "lower3"), Optional.of("lower1")))).isTrue();
        List<Checked> wrong = UnionFilesystem.judgeLowers(new UnionFilesystem.Lowers("Soy de lower3", "lower3", "lower3"), Optional.of("lower3"));
        assertThat(passed(wrong)).isFalse();
        assertThat(predictions(wrong).get(0).holds()).isFalse();
    }

    @Test
    void aWorkdirElsewhereIsRefused() {
        assertThat(passed(UnionFilesystem.judgeWorkdir(new UnionFilesystem.Workdir("ext4", "tmpfs", false, 32, false), Optional.of("no")))).isTrue();
        assertThat(new Checklist("t", UnionFilesystem.judgeWorkdir(new UnionFilesystem.Workdir("ext4", "tmpfs", false, 0, true),
                Optional.of("no"))).toString()).contains("✗ mount se niega", "código de salida 0");
    }

    @Test
    void theRootlessMarkIsTheUsers() {
        String inside = "200 100 0:60 / " + DIR + "/sin-root/merged rw - overlay overlay rw,lowerdir=lower,upperdir=upper,workdir=work,userxattr";
        var right = new UnionFilesystem.Rootless("6.1.0-28-amd64", false, inside, 32, 1, Optional.of(whiteout(1001)), 1001, true, false, true);
        assertThat(passed(UnionFilesystem.judgeRootless(right, Optional.of("mío")))).isTrue();
        var rootsMark = new UnionFilesystem.Rootless("5.10.0", true, null, 32, 1, Optional.of(whiteout(0)), 1001, false, true, true);
        List<Checked> items = UnionFilesystem.judgeRootless(rootsMark, Optional.of("root"));
        assertThat(new Checklist("t", items).toString()).contains("✗ el kernel de Linux es 5.11", "✗ el anfitrión no ve", "✗ upper/f2 es una marca de borrado de tu uid (1001)");
        assertThat(predictions(items).get(0).holds()).isFalse();
    }

    @Test
    void cleanUpLeavesNothing() {
        assertThat(passed(UnionFilesystem.judgeCleanUp(new UnionFilesystem.CleanUp(DIR, false, List.of(), List.of())))).isTrue();
        assertThat(passed(UnionFilesystem.judgeCleanUp(new UnionFilesystem.CleanUp(DIR, false, List.of(), List.of(DIR + "/sin-root/merged"))))).isFalse();
    }

    @Test
    void mountPointsUnderTheFolderAreFoundInACapturedTable() throws Exception {
        List<String> table = capas.store.FixtureStore.mountinfo("rootful");
        assertThat(UnionFilesystem.mountedUnder(table, DIR)).isEmpty();
        assertThat(UnionFilesystem.mountedUnder(List.of(LINE), DIR)).containsExactly(DIR + "/con-root/merged");
        assertThat(UnionFilesystem.lineOf(List.of(LINE), DIR.resolve("con-root/merged"))).isEqualTo(LINE);
    }
}
