/**
 * The environment diagnosis: one class per check ({@code *Check}), each with its status, its reason
 * and the fix it names, and the repairs {@code ./lab doctor --arreglar} may apply as root. A check
 * sees the machine only through a {@code Host} (files, commands, who we are), so each one is tested
 * on a machine written down as data; the host facts themselves (mount table, subordinate ids,
 * identity, PATH) come from {@code capas.os}. Uses podman, the operating system and the renderer;
 * shared by {@code ./lab doctor} and notebook 00.
 */
package capas.doctor;
