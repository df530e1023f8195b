package capas.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The classroom table's arithmetic: medians, ratios, how many students fit by CPU and by memory. */
class AulaTableTest {
    private static final Machine MACHINE = new Machine("2026-12-05 19:00 UTC", 2, "23,5 GiB", "6.1.0", "4.3.1", "OpenJDK 17");

    private static AulaStudent student(String name, double start, double first, double total, double memory, double cpu) {
        return new AulaStudent(name, start, new AulaLesson(first, total, 40, List.of()), null, memory, memory * 2, cpu, 300, 420);
    }

    /** Alone: 60 s for 30 s of CPU, 800 MB; three at once take longer. */
    private static AulaResult threeStudents() {
        AulaStudent alone = student("bench-01", 10_000, 5_000, 60_000, 800, 30);
        return new AulaResult(alone, List.of(student("bench-01", 20_000, 9_000, 100_000, 900, 32), student("bench-02", 22_000, 10_000, 110_000, 1000, 31),
                student("bench-03", 25_000, 12_000, 130_000, 950, 33)), 2, 20_000, 3.4, 0.97, 0.5);
    }

    @Test
    void eachRowHasAloneMedianMaximumAndTheirRatio() {
        List<List<String>> rows = AulaTable.rows(threeStudents());
        assertThat(rows.get(0)).containsExactly("arranque del servidor (POST a la API → listo)", "10,00 s", "22,00 s", "25,00 s", "2,20×");
        assertThat(rows.get(2)).containsExactly("lección 03 entera (Ejecutar todo)", "60,00 s", "110,00 s", "130,00 s", "1,83×");
        assertThat(rows.get(4)).containsExactly("memoria del contenedor, máximo muestreado sin caché de ficheros inactiva", "800 MB", "950 MB",
                "1000 MB", "1,19×");
    }

    @Test
    void anUnmeasuredValueIsADashAndLeavesTheOthers() {
        AulaStudent alone = new AulaStudent("bench-01", 10_000, null, "no arrancó", Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        AulaResult r = new AulaResult(alone, List.of(student("bench-01", 20_000, 9_000, 100_000, 900, 32),
                new AulaStudent("bench-02", Double.NaN, null, "no arrancó", Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN)), 2, 20_000, 1, 0.5, 0);
        List<List<String>> rows = AulaTable.rows(r);
        assertThat(rows.get(0)).containsExactly("arranque del servidor (POST a la API → listo)", "10,00 s", "20,00 s", "20,00 s", "2,00×");
        assertThat(rows.get(2)).containsExactly("lección 03 entera (Ejecutar todo)", "—", "100,00 s", "100,00 s", "—");
        assertThat(AulaTable.errors(r)).contains("Celdas con error, alumno solo: no se ejecutó: no arrancó");
    }

    @Test
    void theCpuHoldsAsManyLessonsAsKeepEachWithinTwiceItsTimeAlone() {
        // 2 cores × 60 s = 120 core-seconds per lesson-time; at 2× slowdown 240, over 30 s each: 8.
        assertThat(AulaTable.byCpu(2, 60, 30)).isEqualTo(8);
        assertThat(AulaTable.byCpu(32, 60, 30)).isEqualTo(128);
        assertThat(AulaTable.byCpu(2, 60, Double.NaN)).isEqualTo(-1);
    }

    @Test
    void memoryFitsTheAvailableOverTheHighestStudent() {
        assertThat(AulaTable.byMemory(20_000, 1000)).isEqualTo(20);
        assertThat(AulaTable.byMemory(20_000, 0)).isEqualTo(-1);
        assertThat(AulaTable.memoryPerStudent(threeStudents())).isCloseTo(1000, within(1e-9));
        // The CPU of one lesson: the median over all four lessons (30, 31, 32, 33).
        assertThat(AulaTable.cpuPerLesson(threeStudents())).isCloseTo(31.5, within(1e-9));
    }

    @Test
    void theLimitSaysWhichRunsOutFirstHereAndOnARealServer() {
        List<String> limits = AulaTable.limits(threeStudents());
        assertThat(limits.get(0)).startsWith("Medido: 3 lecciones a la vez en 2 núcleos tardan 1,83× lo que una sola")
                .contains("ocupados un 97 %").contains("carga máxima 3,4");
        // CPU: floor(2 × 2 × 60 / 31,5) = 7; memory: floor(20 000 / 1000) = 20.
        assertThat(limits.get(1)).contains("sostienen 7 lecciones a la vez");
        assertThat(limits.get(2)).contains("caben 20 alumnos");
        assertThat(limits.get(3)).isEqualTo("Límite en esta máquina: 7 alumnos ejecutando la lección a la vez, y lo pone la CPU.");
        // 32 cores: floor(2 × 32 × 60 / 31,5) = 121; 128 GB: floor(131 072 / 1000) = 131.
        assertThat(limits.get(4)).contains("121 lecciones a la vez por CPU, 131 alumnos por memoria; manda la CPU");
        assertThat(limits.get(5)).contains("300 MB ocupados").contains("420 MB en el disco del anfitrión");
    }

    @Test
    void theTextAndMarkdownCarryTheSameRows() {
        AulaResult r = threeStudents();
        String text = AulaTable.text(r);
        String md = AulaTable.markdown(r, MACHINE);
        assertThat(text.lines().toList().get(0)).startsWith("cifra").contains("3 a la vez: mediana");
        assertThat(text).contains("110,00 s").contains("Límite en esta máquina");
        assertThat(md).startsWith("# Carga del aula").contains("| lección 03 entera (Ejecutar todo) | 60,00 s | 110,00 s | 130,00 s | 1,83× |")
                .contains("- Límite en esta máquina");
    }
}
