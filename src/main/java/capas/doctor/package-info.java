/**
 * The environment diagnosis: each check with its status, its reason and the fix it names, and
 * the repairs {@code ./lab doctor --arreglar} may apply as root. Uses podman, the operating
 * system and the renderer; shared by {@code ./lab doctor} and notebook 00.
 */
package capas.doctor;
