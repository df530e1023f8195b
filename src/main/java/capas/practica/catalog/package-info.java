/**
 * One self-contained class per práctica, each with its own message bundle beside it
 * ({@code <Class>.properties}: feedback, graded hints, solutions). Found by
 * {@link capas.practica.PracticaCatalog}; nothing else lists them.
 */
package capas.practica.catalog;
