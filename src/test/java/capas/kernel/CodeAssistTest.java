package capas.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CodeAssistTest {
    private static JShellSession session;
    private static CodeAssist assist;

    @BeforeAll
    static void start() {
        session = JShellSession.start(ClassPath.ofThisJvm());
        assist = new CodeAssist(session);
    }

    @AfterAll
    static void close() {
        session.close();
    }

    @Test
    void completesInTheSnippetUnderTheCursor() {
        String code = "int x = 1;\n%sh ls\nMath.ma";
        ReplacementOptions options = assist.complete(code, code.length());
        assertThat(options.getReplacements()).contains("max(");
        assertThat(options.getSourceStart()).isEqualTo(code.length() - 2);
        assertThat(options.getSourceEnd()).isEqualTo(code.length());
    }

    @Test
    void nothingToCompleteOnAMagic() {
        assertThat(assist.complete("%sh ls", 5)).isNull();
    }

    @Test
    void inspectionFromTheMethodName() {
        assertThat(assist.inspect("Math.max(1, 2)", 6).getData(
                org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN).toString())
                .contains("int Math.max(int a, int b)");
    }

    @Test
    void isComplete() {
        assertThat(assist.isComplete("for (int i = 0; i < 3; i++) {")).isEqualTo("    ");
        assertThat(assist.isComplete("1 + 1")).isEqualTo(BaseKernel.IS_COMPLETE_YES);
        assertThat(assist.isComplete("%%bash\nls")).isEqualTo(BaseKernel.IS_COMPLETE_YES);
    }
}
