/**
 * {@code ./lab bench}: the lab's figures measured next to the obvious alternative in the same
 * run (podman, ipykernel, bash), with each figure's target and whether it is met. A benchmark,
 * not a test: only {@code capas.cli} uses this package.
 */
package capas.bench;
