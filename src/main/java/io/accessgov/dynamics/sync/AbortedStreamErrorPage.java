package io.accessgov.dynamics.sync;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Keeps the container's error page out of a stream aborted after its first bytes ({@link StreamAborted}): with the
 * response committed, the container includes the error page into the body under way, where a problem cannot be told
 * apart from the stream and only adds log lines about a response that cannot take it. Without it, the container goes
 * straight on to close the connection. Mapped to the error page's dispatches (an include once the response is
 * committed); every other request passes untouched.
 */
final class AbortedStreamErrorPage extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (response.isCommitted() && isAbortedStream(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isAbortedStream(Object failure) {
        for (Throwable cause = failure instanceof Throwable t ? t : null; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamAborted) {
                return true;
            }
        }
        return false;
    }
}
