/**
 * Reading the module's configuration: {@link dev.printfarm.appconnection.impl.config.ConfigReader} turns MicroProfile
 * Config's text into typed values and collects every value it refuses, so that a wrong configuration fails the
 * deployment once, with every problem listed. {@link dev.printfarm.appconnection.impl.config.ServiceSettings} holds
 * the keys every area needs (OctoEverywhere's URL and the demo mode it implies, the app id, the public URL). Each
 * area's own settings record lives in the area's package and reads itself with a {@code ConfigReader}; the package
 * {@code startup} puts them together.
 *
 * <p>May use: {@code internal}.
 */
package dev.printfarm.appconnection.impl.config;
