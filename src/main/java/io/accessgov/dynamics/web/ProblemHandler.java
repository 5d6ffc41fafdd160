package io.accessgov.dynamics.web;

import io.accessgov.dynamics.dataverse.DataverseException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.extern.slf4j.Slf4j;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Answers every failure inside Spring MVC with an RFC 9457 problem: the service's own refusals, Dataverse failures
 * (via {@link DataverseProblems}), Spring's request errors, and anything unexpected (500, logged once with its stack
 * trace; the caller sees a generic sentence only).
 */
@Slf4j
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private final ErrorDocuments documents;

    ProblemHandler(ObjectProvider<ErrorDocumentFormat> formats) {
        this.documents = ErrorDocuments.of(formats);
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> refused(ApiProblem refusal, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(refusal.kind(), refusal.getMessage(), request.getRequestURI());
        refusal.properties().forEach(problem::setProperty);
        return respond(problem, new HttpHeaders(), request.getRequestURI());
    }

    @ExceptionHandler(DataverseException.class)
    ResponseEntity<Object> dataverseFailed(DataverseException failure, HttpServletRequest request) {
        DataverseProblems.Answer answer = DataverseProblems.answer(failure, request.getRequestURI());
        log.warn(
                "{} {} failed: {} (dataverseCode={}, dataverseRequestId={})",
                request.getMethod(),
                request.getRequestURI(),
                failure.getClass().getSimpleName(),
                failure.dataverseCode().orElse("-"),
                failure.requestId().orElse("-"));
        return respond(answer.problem(), answer.headers(), request.getRequestURI());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception failure, HttpServletRequest request) throws Exception {
        if (failure instanceof AccessDeniedException || failure instanceof AuthenticationException) {
            throw failure; // Spring Security answers these (401/403) in its own filter
        }
        log.error("{} {} failed unexpectedly", request.getMethod(), request.getRequestURI(), failure);
        return respond(internalError(request.getRequestURI()), new HttpHeaders(), request.getRequestURI());
    }

    static ProblemDetail internalError(@Nullable String path) {
        return Problems.of(
                ProblemKind.INTERNAL_ERROR,
                "The service failed unexpectedly; the failure was logged. Try again, and report it if it persists.",
                path);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception failure, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String path = path(request);
        ProblemDetail problem = translate(failure, status.value(), path);
        if (status.is5xxServerError()) {
            log.error("{} failed", path, failure);
        }
        return respond(problem, headers, path);
    }

    private ProblemDetail translate(Exception failure, int status, @Nullable String path) {
        if (failure instanceof HttpRequestMethodNotSupportedException wrongMethod) {
            String allowed = wrongMethod.getSupportedHttpMethods() == null
                    ? ""
                    : " Allowed: "
                            + wrongMethod.getSupportedHttpMethods().stream()
                                    .map(Object::toString)
                                    .collect(Collectors.joining(", "))
                            + ".";
            return Problems.of(
                    ProblemKind.METHOD_NOT_ALLOWED,
                    "This path does not accept " + wrongMethod.getMethod() + "." + allowed,
                    path);
        }
        if (failure instanceof HttpMediaTypeNotSupportedException unsupported) {
            return Problems.of(
                    ProblemKind.UNSUPPORTED_MEDIA_TYPE,
                    "Send the body as " + types(unsupported.getSupportedMediaTypes()) + ".",
                    path);
        }
        if (failure instanceof HttpMediaTypeNotAcceptableException notAcceptable) {
            return Problems.of(
                    ProblemKind.NOT_ACCEPTABLE,
                    "This resource answers in " + types(notAcceptable.getSupportedMediaTypes())
                            + " only; accept that type.",
                    path);
        }
        if (failure instanceof NoResourceFoundException || failure instanceof NoHandlerFoundException) {
            return Problems.of(
                    ProblemKind.NOT_FOUND,
                    "There is nothing at this path; the API is described at /swagger-ui.html.",
                    path);
        }
        if (failure instanceof MissingServletRequestParameterException missing) {
            return invalidParameters(
                    "The parameter '" + missing.getParameterName() + "' is required.",
                    List.of(parameterError(missing.getParameterName(), "is required")),
                    path);
        }
        if (failure instanceof MethodArgumentTypeMismatchException mismatch) {
            String reason = expectation(mismatch.getRequiredType());
            return invalidParameters(
                    "The parameter '" + mismatch.getName() + "' " + reason + ".",
                    List.of(parameterError(mismatch.getName(), reason)),
                    path);
        }
        if (failure instanceof TypeMismatchException mismatch) {
            String name = mismatch.getPropertyName() == null ? "value" : mismatch.getPropertyName();
            return invalidParameters(
                    "The parameter '" + name + "' " + expectation(mismatch.getRequiredType()) + ".",
                    List.of(parameterError(name, expectation(mismatch.getRequiredType()))),
                    path);
        }
        if (failure instanceof HandlerMethodValidationException invalid) {
            List<Map<String, Object>> errors = parameterErrors(invalid);
            return invalidParameters(
                    errors.size() == 1
                            ? "The parameter '" + errors.get(0).get("parameter") + "' "
                                    + errors.get(0).get("detail") + "."
                            : "Some parameters are invalid; see errors.",
                    errors,
                    path);
        }
        if (failure instanceof MethodArgumentNotValidException invalid) {
            List<Map<String, Object>> errors = new ArrayList<>();
            for (FieldError field : invalid.getBindingResult().getFieldErrors()) {
                errors.add(Map.of("pointer", "#/" + field.getField().replace('.', '/'), "detail", message(field)));
            }
            invalid.getBindingResult().getGlobalErrors().forEach(error -> errors.add(Map.of("detail", message(error))));
            ProblemDetail problem =
                    Problems.of(ProblemKind.INVALID_BODY, "The request body has invalid members; see errors.", path);
            problem.setProperty("errors", errors);
            return problem;
        }
        if (failure instanceof HttpMessageNotReadableException) {
            return Problems.of(
                    ProblemKind.UNREADABLE_BODY,
                    "The request body is missing, is not valid JSON, or does not have the documented shape.",
                    path);
        }
        if (failure instanceof MaxUploadSizeExceededException) {
            return Problems.of(ProblemKind.PAYLOAD_TOO_LARGE, "The request body is too large.", path);
        }
        return byStatus(status, path);
    }

    /** A problem for a bare status, with a generic sentence. */
    static ProblemDetail byStatus(int status, @Nullable String path) {
        ProblemKind kind = ProblemKind.forStatus(status);
        String detail =
                switch (kind) {
                    case NOT_FOUND -> "There is nothing at this path; the API is described at /swagger-ui.html.";
                    case METHOD_NOT_ALLOWED -> "This path does not accept this method.";
                    case NOT_ACCEPTABLE -> "This resource cannot answer in a format the request accepts.";
                    case UNSUPPORTED_MEDIA_TYPE -> "The body's content type is not supported here.";
                    case PAYLOAD_TOO_LARGE -> "The request is too large.";
                    case URI_TOO_LONG -> "The request line is too long; send a shorter path or query.";
                    case HEADERS_TOO_LARGE -> "The request headers are too large; send fewer or smaller headers.";
                    case UNAUTHENTICATED -> "A valid bearer token is required.";
                    case INSUFFICIENT_SCOPE -> "The caller may not do this.";
                    case SERVICE_UNAVAILABLE -> "The service cannot answer right now; try again later.";
                    case INTERNAL_ERROR -> internalError(path).getDetail();
                    default -> "The request was refused as malformed.";
                };
        return Problems.of(kind, status, detail, path);
    }

    private static ProblemDetail invalidParameters(
            String detail, List<Map<String, Object>> errors, @Nullable String path) {
        ProblemDetail problem = Problems.of(ProblemKind.INVALID_PARAMETER, detail, path);
        problem.setProperty("errors", errors);
        return problem;
    }

    private static List<Map<String, Object>> parameterErrors(HandlerMethodValidationException invalid) {
        List<Map<String, Object>> errors = new ArrayList<>();
        invalid.getParameterValidationResults().forEach(result -> {
            String name = parameterName(result.getMethodParameter());
            result.getResolvableErrors().forEach(error -> errors.add(parameterError(name, message(error))));
        });
        return errors;
    }

    static Map<String, Object> parameterError(String name, String detail) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("parameter", name);
        error.put("detail", detail);
        return error;
    }

    private static String parameterName(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        String name = parameter.getParameterName();
        return name == null ? "argument " + parameter.getParameterIndex() : name;
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static String expectation(@Nullable Class<?> type) {
        if (type == null) {
            return "has an invalid value";
        }
        if (type.isEnum()) {
            return "must be one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(constant -> ((Enum<?>) constant).name())
                            .collect(Collectors.joining(", "));
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == java.util.UUID.class) {
            return "must be a GUID";
        }
        return "has an invalid value";
    }

    private static String types(List<MediaType> types) {
        return types.isEmpty()
                ? MediaType.APPLICATION_JSON_VALUE
                : types.stream().map(MediaType::toString).collect(Collectors.joining(" or "));
    }

    private static @Nullable String path(WebRequest request) {
        if (request instanceof NativeWebRequest nativeRequest) {
            HttpServletRequest servlet = nativeRequest.getNativeRequest(HttpServletRequest.class);
            return servlet == null ? null : servlet.getRequestURI();
        }
        return null;
    }

    private ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers, @Nullable String path) {
        HttpHeaders all = new HttpHeaders();
        all.addAll(headers);
        all.setContentType(documents.mediaType(path));
        // as an ordered map: type, title, status, detail, instance first, whatever the mapper's property order
        return ResponseEntity.status(problem.getStatus()).headers(all).body(documents.body(problem, path));
    }
}
