/**
 * One self-contained class per práctica, each with its own message bundle beside it
 * ({@code <Class>.properties}: feedback, graded hints, solutions). Found by
 * {@link capas.practica.PracticaCatalog} through {@code META-INF/services/capas.practica.PracticaDefinition},
 * the one list of them (in teaching order).
 */
package capas.practica.catalog;
