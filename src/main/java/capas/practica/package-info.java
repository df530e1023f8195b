/**
 * The práctica engine: {@link capas.practica.Practica} (what the student calls), the catalogue
 * that finds every {@link capas.practica.PracticaDefinition} in
 * {@code capas.practica.catalog}, verdicts, and the reference/wrong answers kept in each
 * notebook's metadata. Never names a práctica: a new one is a class, a bundle and a notebook.
 */
package capas.practica;
