package capas.kernel;

import java.util.List;

/**
 * Sample cells that touch what a lesson touches (javac, the library, errors, completion,
 * magics), run once at install time so that AppCDS archives the classes they load.
 */
final class Warmup {
    private static final List<String> CELLS = List.of(
            "1 + 1",
            "String nombre = \"capas\";\nnombre.length()",
            "int doble(int x) { return 2 * x; }\ndoble(21)",
            "var lista = new ArrayList<String>(List.of(\"a\", \"b\"));\nfor (String s : lista) { System.out.println(s); }",
            "Path p = Path.of(\"/tmp\");\np.getFileName()",
            "display(\"hola\")",
            "int x = \"no\";",
            "Integer.parseInt(\"x\")",
            "%sh true");

    private Warmup() {
    }

    static void run() {
        CapasKernel kernel = CapasKernel.create();
        kernel.onStartup();
        for (String cell : CELLS) {
            try {
                kernel.run(cell);
            } catch (CellFailure expected) {
                // Failing cells are part of the sample.
            }
        }
        kernel.complete("String.val", 10);
        kernel.inspect("Math.max(1, 2)", 6, false);
        kernel.isComplete("for (int i = 0; i < 3; i++) {");
        kernel.onShutdown(false);
    }
}
