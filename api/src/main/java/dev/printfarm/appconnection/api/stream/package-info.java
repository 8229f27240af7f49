/**
 * What arrives over time: webcam pictures ({@link dev.printfarm.appconnection.api.stream.WebcamImage}, a snapshot or a
 * frame of a stream), push messages, and files read as streams. Every stream has one listener style: an interface with
 * one method per item and {@code onEnd(StreamEnd)}, called on a background thread one call at a time; closing the
 * {@link dev.printfarm.appconnection.api.Subscription} stops it.
 */
package dev.printfarm.appconnection.api.stream;
