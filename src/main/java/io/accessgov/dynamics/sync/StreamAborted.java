package io.accessgov.dynamics.sync;

/**
 * A stream the service could not finish after its first bytes were sent. It must reach the servlet container, which
 * then closes the connection without ending the response (no terminating chunk, or fewer bytes than
 * {@code Content-Length}), so that the client sees an error and never a clean end of a truncated body.
 */
final class StreamAborted extends RuntimeException {

    StreamAborted(String what, Throwable cause) {
        super(what + " was aborted after its first bytes were sent", cause);
    }
}
