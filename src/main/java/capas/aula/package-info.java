/**
 * The classroom server's own state, apart from the Hub: the teacher's roster ({@code alumnos.csv}),
 * the accounts it becomes ({@code cuentas.json}, hashed codes, a stable index per account), and
 * the class grid read from each student's record of progress. Everything here runs as root on
 * the host; nothing a student controls is ever followed (see {@link capas.aula.ClassGrid}).
 * The layout is the one in the Aula contract (issue 23).
 */
package capas.aula;
