/**
 * The leaf every package may use: Spanish messages ({@link capas.Messages}), the exception with
 * its kind ({@link capas.CapasException}), every environment variable ({@link capas.Env}), the
 * labels the lab puts on what it creates ({@link capas.Labels}), sizes and the podman mode.
 * Imports nothing of Capas.
 */
package capas;
