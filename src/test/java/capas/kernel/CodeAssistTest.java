package capas.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CodeAssistTest {
    private static JShellSession session;
    private static CodeAssist assist;

    @BeforeAll
    static void start() {
        session = JShellSession.start(ClassPath.ofThisJvm());
        // A lab the way a lesson names it; null is enough, inspection only compiles.
        session.eval("Capas lab = null;", 0);
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
        assertThat(inspectAt("Math.max(1, 2)", 6)).contains("int Math.max(int a, int b)");
    }

    @Test
    void inspectionOfAMethodNameBeforeItsParenthesis() {
        assertThat(inspectAtEnd("Capas.rootful")).contains("Capas Capas.rootful()");
        assertThat(inspectAtEnd("lab.layers().locate"))
                .contains("Location Layers.locate(String container, String path)");
    }

    @Test
    void inspectionFromInsideAName() {
        assertThat(inspectAt("Capas.rootful", "Capas.root".length())).contains("Capas Capas.rootful()");
        assertThat(inspectAt("Math.PI * 2", "Math.P".length())).contains("Math.PI:double");
    }

    @Test
    void inspectionOfAMethodNameInTheMiddleOfACell() {
        String code = "int veces = 2;\nlab.layers\nveces * 2";
        assertThat(inspectAt(code, code.indexOf("layers") + "layers".length())).contains("Layers Capas.layers()");
    }

    @Test
    void inspectionOfAClassOrVariableNamesItsType() {
        assertThat(inspectAtEnd("Capas")).contains("capas.lab.Capas");
        assertThat(inspectAtEnd("lab")).contains("lab:capas.lab.Capas");
        assertThat(inspectAtEnd("Math.PI")).contains("Math.PI:double");
    }

    @Test
    void nothingToInspectAfterADot() {
        assertThat(assist.inspect("lab.", 4)).isNull();
    }

    private static String inspectAtEnd(String code) {
        return inspectAt(code, code.length());
    }

    private static String inspectAt(String code, int at) {
        DisplayData data = assist.inspect(code, at);
        return data == null ? null : data.getData(MIMEType.TEXT_PLAIN).toString();
    }

    @Test
    void isComplete() {
        assertThat(assist.isComplete("for (int i = 0; i < 3; i++) {")).isEqualTo("    ");
        assertThat(assist.isComplete("1 + 1")).isEqualTo(BaseKernel.IS_COMPLETE_YES);
        assertThat(assist.isComplete("%%bash\nls")).isEqualTo(BaseKernel.IS_COMPLETE_YES);
    }
}
