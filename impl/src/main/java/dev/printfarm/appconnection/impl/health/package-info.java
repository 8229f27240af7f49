/**
 * MicroProfile Health checks of the module: live while deployed, ready while its store answers.
 *
 * <p>May use: {@code store}.
 */
package dev.printfarm.appconnection.impl.health;
