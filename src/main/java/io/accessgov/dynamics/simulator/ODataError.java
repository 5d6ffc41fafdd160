package io.accessgov.dynamics.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** A Dataverse error answer: HTTP status plus the {@code {"error":{"code","message"}}} envelope. */
final class ODataError extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, String> headers = new LinkedHashMap<>();

    ODataError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static ODataError badRequest(String code, String message) {
        return new ODataError(400, code, message);
    }

    static ODataError syntax(String message) {
        return new ODataError(400, "0x80060888", message);
    }

    static ODataError segmentNotFound(String segment) {
        return new ODataError(404, "0x80060888", "Resource not found for the segment '" + segment + "'.");
    }

    static ODataError noResource() {
        return new ODataError(404, "", "No HTTP resource was found that matches the request URI.");
    }

    static ODataError recordMissing(String entityName, Object id) {
        return new ODataError(404, "0x80040217", entityName + " With Id = " + id + " Does Not Exist");
    }

    ODataError withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    Map<String, String> headers() {
        return headers;
    }
}
