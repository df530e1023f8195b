package capas.cli;

import capas.CapasException;
import capas.Labels;
import capas.Messages;
import capas.os.CommandResult;
import capas.os.TempDir;
import capas.os.Commands;
import capas.podman.Podman;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The offline course image, built from {@code curso/} (static busybox and bash, no registry) and
 * labelled with the hash of its recipe: a store whose image carries the current hash is left
 * alone, so that {@code ./lab} twice builds once.
 */
final class CourseImage {
    private static final Messages M = Messages.of(CourseImage.class);
    /** Building takes seconds; a minute's margin for a slow disk. */
    private static final long TIMEOUT_SECONDS = 300;

    private final Path curso;
    private final String image;

    CourseImage(Path curso, String image) {
        this.curso = curso;
        this.image = image;
    }

    /** Only a {@code localhost/} image is built here; any other is pulled by podman when used. */
    boolean local() {
        return image.startsWith("localhost/");
    }

    /**
     * The recipe's hash: the Containerfile, the script that makes the root file system, and the
     * image label's name (a renamed label must rebuild, or limpiar would miss the old image).
     * The same bytes the earlier bash launcher hashed, so an unchanged image is not rebuilt.
     */
    static String recipeHash(byte[] containerfile, byte[] rootfsScript) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(containerfile);
            sha.update(rootfsScript);
            sha.update((Labels.IMAGE + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String recipeHash() {
        try {
            return recipeHash(Files.readAllBytes(curso.resolve("Containerfile")), Files.readAllBytes(curso.resolve("rootfs.sh")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Builds the image in {@code podman}'s store unless it is there with this recipe.
     *
     * @return whether it was built
     */
    boolean ensure(Podman podman, String recipe) {
        CommandResult have = podman.command("image", "inspect", "--format", "{{index .Labels \"" + Labels.RECIPE + "\"}}", image);
        if (have.ok() && have.out().strip().equals(recipe)) {
            return false;
        }
        try (TempDir context = TempDir.create("capas-imagen")) {
            Path build = context.path().resolve("build");
            run(List.of(curso.resolve("rootfs.sh").toString(), build.toString()), podman);
            // The temporary folder is private (0700): rootful podman reads it as root, but not every
            // machine gives root CAP_DAC_OVERRIDE over a user's files.
            run(List.of("chmod", "-R", "a+rX", context.path().toString()), podman);
            CommandResult built = podman.command("build", "-q", "--network", "none", "--label", Labels.IMAGE + "=true",
                    "--label", Labels.RECIPE + "=" + recipe, "-t", image, build.toString());
            if (!built.ok()) {
                throw failed(podman, built);
            }
            return true;
        }
    }

    private void run(List<String> argv, Podman podman) {
        CommandResult result = Commands.run(argv, java.util.Map.of(), TIMEOUT_SECONDS);
        if (!result.ok()) {
            throw failed(podman, result);
        }
    }

    private CapasException failed(Podman podman, CommandResult result) {
        return new CapasException(CapasException.Kind.PODMAN_FAILED, M.get("image.failed", Stores.where(podman), image, lastLine(result)),
                M.get("image.failed.hint"));
    }

    private static String lastLine(CommandResult result) {
        List<String> lines = (result.err().isBlank() ? result.out() : result.err()).strip().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
