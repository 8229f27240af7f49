/**
 * What a deployer may use or plug in beside the service: sealing an application's own secrets with the module's keys
 * ({@link dev.printfarm.appconnection.api.spi.SecretSealer}).
 */
package dev.printfarm.appconnection.api.spi;
