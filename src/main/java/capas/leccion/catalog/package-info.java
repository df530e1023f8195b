/** One class per lesson notebook, each with its checks and its own Spanish bundle. */
package capas.leccion.catalog;
