package io.accessgov.dynamics.web;

import java.util.Optional;
import lombok.extern.slf4j.Slf4j;
import org.apache.catalina.connector.Request;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.res.StringManager;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;

/**
 * A request Tomcat refused because its request line, or its request line and headers together, do not fit in the
 * connector's header buffer ({@code server.max-http-request-header-size}, 8 KB by default). Tomcat answers both
 * with a bare 400 and the same failure; which part was being read when the buffer ran out tells them apart: a URI
 * that was never read to its end is too long (414), otherwise the headers are too large (431).
 */
@Slf4j
record OversizedRequest(ProblemKind kind, int limitBytes) {

    /** The message Tomcat's HTTP/1.1 parser fails with when the header buffer is full, in the JVM's language. */
    private static final String HEADER_BUFFER_FULL =
            StringManager.getManager("org.apache.coyote.http11").getString("iib.requestheadertoolarge.error");

    /** The oversized request Tomcat failed on, or empty when this is any other error. */
    static Optional<OversizedRequest> of(Request request, @Nullable Throwable failure) {
        if (!(failure instanceof IllegalArgumentException) || !HEADER_BUFFER_FULL.equals(failure.getMessage())) {
            return Optional.empty();
        }
        // the parser sets the URI once it has read all of it; the protocol is set for the answer in any case
        boolean uriRead = !request.getCoyoteRequest().requestURI().isNull();
        ProblemKind kind = uriRead ? ProblemKind.HEADERS_TOO_LARGE : ProblemKind.URI_TOO_LONG;
        OversizedRequest oversized = new OversizedRequest(kind, limit(request));
        // one line, no stack trace: the client sent too much, the service is fine
        log.info("Refused with {} a request whose {}", kind.status().value(), oversized.tooLarge());
        return Optional.of(oversized);
    }

    ProblemDetail problem() {
        String detail = kind == ProblemKind.URI_TOO_LONG
                ? "The request " + tooLarge() + "; send a shorter path or query."
                : "The request " + tooLarge() + "; send fewer or smaller headers.";
        return Problems.of(kind, detail, null);
    }

    private String tooLarge() {
        String limit = limitBytes > 0 ? "the " + limitBytes + " bytes this service reads" : "what this service reads";
        return kind == ProblemKind.URI_TOO_LONG
                ? "line (method, path and query) is longer than " + limit
                : "line and headers together are larger than " + limit;
    }

    private static int limit(Request request) {
        return request.getConnector().getProtocolHandler() instanceof AbstractHttp11Protocol<?> http
                ? http.getMaxHttpRequestHeaderSize()
                : -1;
    }
}
