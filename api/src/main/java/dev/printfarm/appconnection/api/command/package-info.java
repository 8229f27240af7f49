/**
 * OctoEverywhere's printer-agnostic command API, on the relay only, for any printer it supports (OctoPrint, Klipper,
 * Bambu Lab, Prusa, Elegoo, ...): {@link dev.printfarm.appconnection.api.command.PrinterCommands}, the printer's status
 * with its features and material system, its controls, cameras and files. A command the printer refuses is a {@link
 * dev.printfarm.appconnection.api.error.CommandRefusedException}.
 */
package dev.printfarm.appconnection.api.command;
