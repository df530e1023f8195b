/**
 * The entry point ({@code java -jar capas.jar <orden>}) and one class per subcommand: preparar,
 * abrir, parar, limpiar, exportar, doctor, bench, and the roles the same jar plays (kernel,
 * kernelspec). The only package that may use every other one; the launcher {@code ./lab} hands
 * over to it once a JVM exists.
 */
package capas.cli;
