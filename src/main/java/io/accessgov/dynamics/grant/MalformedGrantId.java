package io.accessgov.dynamics.grant;

/** A grant id in a path or body is not of the documented shape. */
class MalformedGrantId extends IllegalArgumentException {

    MalformedGrantId(String detail) {
        super(detail);
    }
}
