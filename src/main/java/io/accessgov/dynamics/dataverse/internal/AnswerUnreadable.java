package io.accessgov.dynamics.dataverse.internal;

/**
 * A 2xx answer whose body could not be read: cut short, or not JSON. Like a connection that broke mid-answer, it says
 * nothing about the request itself, so {@link DataverseHttp} tries a read again.
 */
final class AnswerUnreadable extends RuntimeException {

    AnswerUnreadable(String message) {
        super(message, null, false, false);
    }
}
