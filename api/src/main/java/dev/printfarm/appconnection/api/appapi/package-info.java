/**
 * OctoEverywhere's own App APIs for a connection: Info with the account's transfer limits, Live Links, Gadget (AI
 * failure detection) and notification webhooks. They talk to OctoEverywhere, not to the printer; their policies are
 * one service's (see the module's fault tolerance notes).
 */
package dev.printfarm.appconnection.api.appapi;
