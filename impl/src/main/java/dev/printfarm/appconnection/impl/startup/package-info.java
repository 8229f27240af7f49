/**
 * The module's start: every area's settings record read once from MicroProfile Config ({@code SettingsProducer}),
 * and the checks that fail the deployment when the configuration is wrong or, talking to the real OctoEverywhere,
 * unsafe (a demo setting left on), before anything touches the store.
 *
 * <p>May use: {@code appapi}, {@code cluster}, {@code config}, {@code fleet}, {@code gadget}, {@code live},
 * {@code portal}, {@code relay}, {@code route}, {@code store}, {@code webhook}.
 */
package dev.printfarm.appconnection.impl.startup;
