package capas.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CellTest {
    @Test
    void javaOnly() {
        Cell cell = Cell.parse("int a = 1;\na + 1");
        assertThat(cell.parts()).containsExactly(Cell.Part.java("int a = 1;\na + 1\n", 0));
        assertThat(cell.isOnlyJava()).isTrue();
    }

    @Test
    void cellMagicTakesTheWholeBody() {
        Cell cell = Cell.parse("%%bash\necho uno\n%sh no es magia aquí\n");
        assertThat(cell.parts()).hasSize(1);
        Cell.Part part = cell.parts().get(0);
        assertThat(part.kind()).isEqualTo(Cell.Kind.CELL_MAGIC);
        assertThat(part.name()).isEqualTo("bash");
        assertThat(part.body()).isEqualTo("echo uno\n%sh no es magia aquí\n");
        assertThat(part.firstLine()).isEqualTo(1);
    }

    @Test
    void cellMagicArguments() {
        Cell.Part part = Cell.parse("%%bash -e -x\nfalse").parts().get(0);
        assertThat(part.args()).isEqualTo("-e -x");
        assertThat(ShellMagics.argv(part)).containsExactly("bash", "-e", "-x", "-c", "false");
    }

    @Test
    void lineMagicsSplitJava() {
        Cell cell = Cell.parse("int a = 1;\n%sh sudo podman ps -a\na + 1");
        assertThat(cell.parts()).extracting(Cell.Part::kind)
                .containsExactly(Cell.Kind.JAVA, Cell.Kind.LINE_MAGIC, Cell.Kind.JAVA);
        Cell.Part magic = cell.parts().get(1);
        assertThat(ShellMagics.argv(magic)).containsExactly("sh", "-c", "sudo podman ps -a");
        assertThat(cell.parts().get(2)).isEqualTo(Cell.Part.java("a + 1\n", 2));
    }

    @Test
    void moduloIsNotAMagic() {
        assertThat(Cell.parse("int r = 7\n% 3;").isOnlyJava()).isTrue();
    }

    @Test
    void unknownMagicHasNoCommand() {
        assertThat(ShellMagics.argv(Cell.parse("%%python\nprint(1)").parts().get(0))).isNull();
        assertThat(ShellMagics.argv(Cell.parse("%%sh\nls").parts().get(0))).isEqualTo(List.of("sh", "-c", "ls"));
    }
}
