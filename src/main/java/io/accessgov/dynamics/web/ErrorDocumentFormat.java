package io.accessgov.dynamics.web;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Another shape for the error answers of some paths: a protocol with error documents of its own (SCIM's, under
 * {@code /scim/}, docs/scim.md) gets every failure of its paths in that shape, whoever answers it: a controller, Spring
 * MVC, the security filters or the container's error page. The problem is still decided once, here in {@code web};
 * a format only renders it. Paths no format covers are answered with RFC 9457 problems.
 */
public interface ErrorDocumentFormat {

    /** Whether the error answers of this request path are written in this format. */
    boolean covers(String path);

    /** The answer's media type. */
    MediaType mediaType();

    /** The answer's body for this problem; what it leaves out of the problem is the format's decision. */
    Object body(ProblemDetail problem);
}
