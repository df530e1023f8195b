/**
 * The classroom server itself ({@code sudo ./lab aula}): the teacher's settings, the student image
 * built offline from the Debian archive, the students' network and the Hub's process. What a
 * class is made of (accounts, the grid of progress) is {@code capas.aula}; how the Hub starts one
 * student's container is the spawner, in {@code aula/capas_aula/spawner.py}.
 */
package capas.aula.servidor;
