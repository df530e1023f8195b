package capas.cli;

import capas.CapasException;
import capas.Messages;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The jar's entry point: one subcommand per role the same jar plays. {@code ./lab} builds the
 * jar and hands its command over to it.
 *
 * <ul>
 *   <li>{@code preparar}: the rootless store's driver, the kernel, the course image;</li>
 *   <li>{@code abrir}, {@code parar}: the Jupyter server of this checkout;</li>
 *   <li>{@code limpiar [--todo | <lección>]}: removes what the lab created;</li>
 *   <li>{@code exportar}: lessons and solved prácticas as HTML;</li>
 *   <li>{@code progreso [--csv]}: the student's record, step by step (the lab user's, for root);</li>
 *   <li>{@code doctor [--arreglar]}: the environment diagnosis, and the fixes it can apply;</li>
 *   <li>{@code bench [opciones]}: the lab's figures next to their alternatives (not a test);</li>
 *   <li>{@code ayuda}: the launcher's help;</li>
 *   <li>{@code kernel <connection-file>}, {@code kernelspec <kernels-dir>}: the Jupyter kernel;</li>
 *   <li>{@code soluciones <dir> <práctica.ipynb>…}: prácticas with their reference answers.</li>
 * </ul>
 */
public final class Main {
    private static final Messages M = Messages.of(Main.class);

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        // The lab speaks Spanish whatever the locale: a C locale must not turn "lección" into "lecci?n".
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        String command = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        try {
            int status = switch (command) {
                case "preparar" -> PrepararCommand.run(rest);
                case "abrir" -> AbrirCommand.run(rest);
                case "parar" -> PararCommand.run(rest);
                case "limpiar" -> LimpiarCommand.run(rest);
                case "exportar" -> ExportarCommand.run(rest);
                case "doctor" -> DoctorCommand.run(rest);
                case "progreso" -> ProgresoCommand.run(rest);
                case "bench" -> BenchCommand.run(rest);
                case "aula" -> AulaCommand.run(rest);
                case "reiniciar" -> ReiniciarCommand.run(rest);
                case "ayuda" -> help();
                case "kernel" -> {
                    capas.kernel.KernelMain.main(rest);
                    yield -1;
                }
                case "kernelspec" -> {
                    capas.kernel.Kernelspec.main(rest);
                    yield 0;
                }
                case "soluciones" -> {
                    capas.practica.PracticaAnswers.main(rest);
                    yield 0;
                }
                default -> {
                    System.err.print(usage());
                    yield 2;
                }
            };
            if (status >= 0) {
                System.exit(status);
            }
        } catch (CapasException e) {
            System.err.println(M.get("main.error", e.explain()));
            System.exit(1);
        }
    }

    private static int help() {
        System.out.print(usage());
        return 0;
    }

    /**
     * The launcher's help, from {@code ayuda.txt}: a plain file so that {@code ./lab ayuda} can
     * print it before anything is compiled, and this is the only copy of it.
     */
    static String usage() {
        try (InputStream in = Main.class.getResourceAsStream("ayuda.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
