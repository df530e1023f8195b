package capas.cli;

import capas.CapasException;
import capas.Messages;

import java.util.Arrays;

/**
 * The jar's entry point: one subcommand per role the same jar plays.
 *
 * <ul>
 *   <li>{@code doctor}: the environment diagnosis ({@code ./lab doctor});</li>
 *   <li>{@code kernel <connection-file>}: the Jupyter kernel;</li>
 *   <li>{@code kernelspec <kernels-dir>}: installs the kernel for Jupyter;</li>
 *   <li>{@code probe}: the inspection probe started in another context (root, {@code podman unshare}).</li>
 * </ul>
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (command) {
                case "doctor" -> System.exit(DoctorCommand.run(rest));
                case "kernel" -> capas.kernel.KernelMain.main(rest);
                case "kernelspec" -> capas.kernel.Kernelspec.main(rest);
                case "soluciones" -> capas.practica.PracticaAnswers.main(rest);
                default -> {
                    System.err.println(Messages.of(Main.class).get("main.usage"));
                    System.exit(2);
                }
            }
        } catch (CapasException e) {
            System.err.println(e.explain());
            System.exit(1);
        }
    }
}
