/**
 * Where inspection runs: in this process, as root through {@code sudo -n}, or inside
 * {@code podman unshare}. One code path ({@link capas.context.LocalInspector}) serves all three:
 * in the other contexts the same jar runs it as a long-lived probe that answers JSON lines.
 * The probe's operations are {@link capas.context.Inspector}'s methods, by name
 * ({@link capas.context.ProbeProtocol}): the probe invokes them by reflection and the client is a
 * proxy of the interface, so no list of operations is kept by hand.
 */
package capas.context;
