package capas.doctor;

import capas.CapasException;
import capas.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The repairs the checks carry, and applying those of the failed checks. */
public final class Repairs {
    private static final Messages M = Messages.of(Repairs.class);

    /** What applying the repairs did: one Spanish sentence per change made or failed. */
    public record Outcome(List<String> done, List<String> failed) {
        public Outcome {
            done = List.copyOf(done);
            failed = List.copyOf(failed);
        }
    }

    private Repairs() {
    }

    /** Applies the repair of every check that failed and has one, and nothing else. */
    public static Outcome applyFailed(Diagnosis diagnosis, AsRoot root) {
        List<String> done = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Check check : diagnosis.checks()) {
            if (!check.repairable()) {
                continue;
            }
            try {
                done.add(check.repair().apply(root));
            } catch (CapasException e) {
                failed.add(check.topic() + ": " + e.getMessage());
            }
        }
        return new Outcome(done, failed);
    }

    /** Sets {@code key = value} in {@code [section]} of Capas's containers.conf drop-in, keeping what else it sets. */
    static Repair dropIn(Path file, String section, String key, String value, String messageKey) {
        return root -> {
            try {
                String existing = Files.isReadable(file) ? Files.readString(file) : "";
                Path staged = Files.createTempFile("capas-containers", ".conf");
                try {
                    Files.writeString(staged, DropIn.merge(existing, section, key, value));
                    // install -D makes the drop-in folder too, and gives the file root's ownership.
                    root.run(List.of("install", "-D", "-m", "0644", staged.toString(), file.toString()));
                } finally {
                    Files.deleteIfExists(staged);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return M.get(messageKey, file);
        };
    }

    /**
     * Any user may open {@code device}, as udev leaves it on a desktop: the tun device for rootless
     * networking (pasta or slirp4netns), {@code /dev/fuse} for fuse-overlayfs.
     *
     * @param messageKey the sentence saying what was opened and who needs it, given the device
     */
    static Repair openDevice(Path device, String messageKey) {
        return root -> {
            root.run(List.of("chmod", "0666", device.toString()));
            return M.get(messageKey, device);
        };
    }

    /** Makes / a shared mount, which rootless podman expects (it warns on every command otherwise). */
    static Repair sharedRoot() {
        return root -> {
            root.run(List.of("mount", "--make-rshared", "/"));
            return M.get("repair.propagation");
        };
    }
}
