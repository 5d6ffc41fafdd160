package io.accessgov.dynamics.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes Tomcat's own error answers problems too. Requests Tomcat refuses before any servlet runs (an encoded slash
 * or NUL in the path, a request line or headers beyond the size limit, a path that is not valid UTF-8) are
 * answered by the host's error report valve, which writes an HTML page; this replaces that valve with one that
 * writes the same {@code application/problem+json} as the rest of the API (docs/api.md §2). A request line or a
 * header block beyond the limit, which Tomcat answers with a bare 400, is told apart and answered 414 or 431
 * (see {@link OversizedRequest}).
 */
@Component
class ContainerProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers((TomcatContextCustomizer) ContainerProblems::replaceErrorReportValves);
    }

    /** Once the host has added its valves (it does so while starting), swaps every HTML one for ours. */
    private static void replaceErrorReportValves(Context context) {
        context.addLifecycleListener(event -> {
            if (Lifecycle.AFTER_START_EVENT.equals(event.getType())) {
                Container host = context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new ProblemReportValve());
            }
        });
    }

    /** Writes the problem for the response's error status, where Tomcat would have written an HTML report. */
    static final class ProblemReportValve extends ErrorReportValve {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                ProblemDetail problem = OversizedRequest.of(request, throwable)
                        .map(OversizedRequest::problem)
                        .orElseGet(() -> ProblemHandler.byStatus(status, null));
                response.setStatus(problem.getStatus());
                response.setContentType(Problems.MEDIA_TYPE.toString());
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(JSON.writeValueAsString(Problems.asJson(problem)));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response cannot take a body: nothing more to say
            }
        }
    }
}
