package io.accessgov.dynamics.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}) as a problem: what fails before or outside Spring MVC's handlers
 * (a request the firewall rejects, an error a filter sends) gets the same RFC 9457 answer as everything else,
 * whatever the request accepts.
 */
@Slf4j
@RestController
class ProblemErrorController implements ErrorController {

    private final ErrorDocuments documents;

    ProblemErrorController(ObjectProvider<ErrorDocumentFormat> formats) {
        this.documents = ErrorDocuments.of(formats);
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<Object> error(HttpServletRequest request) {
        // called directly rather than as the container's error page: there is nothing here
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 404;
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
                ? uri
                : request.getRequestURI();
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            log.error("{} failed outside the controllers", path, failure);
        }
        ProblemDetail problem = ProblemHandler.byStatus(status < 400 ? 500 : status, path);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(documents.mediaType(path));
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(documents.body(problem, path));
    }
}
