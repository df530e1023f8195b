/**
 * Where inspection runs: in this process, as root through {@code sudo -n}, or inside
 * {@code podman unshare}. One code path ({@link capas.context.LocalInspector}) serves all three:
 * in the other contexts the same jar runs it as a long-lived probe that answers JSON lines.
 */
package capas.context;
