package capas.lab;

/**
 * Who owns a file of a container's layer, seen from both sides of the user namespace.
 *
 * @param path         the path inside the container
 * @param hostUid      owner as the host sees it ({@code ls -ln} of the layer's diff)
 * @param hostGid      group as the host sees it
 * @param containerUid owner inside the container (-1 when the id has no name inside)
 * @param containerGid group inside the container
 */
public record FileOwner(String path, long hostUid, long hostGid, long containerUid, long containerGid) {
}
