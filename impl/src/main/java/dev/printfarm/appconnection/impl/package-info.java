/**
 * The module's implementation of {@link dev.printfarm.appconnection.api.AppConnectionService}: the CDI bean that ties
 * the packages below together. Applications use the {@code api} only; nothing here is a contract.
 *
 * <p>May use: every package of the module.
 */
package dev.printfarm.appconnection.impl;
