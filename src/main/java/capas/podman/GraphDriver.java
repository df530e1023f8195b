package capas.podman;

import java.util.List;

/**
 * {@code podman inspect}'s {@code GraphDriver.Data} of a container.
 *
 * @param name      the driver ({@code overlay})
 * @param lowerDirs LowerDir, top first: the image layers' diff folders
 * @param upperDir  UpperDir: the container layer's diff
 * @param workDir   WorkDir
 * @param mergedDir MergedDir: where the union is mounted
 */
public record GraphDriver(String name, List<String> lowerDirs, String upperDir, String workDir, String mergedDir) {
}
