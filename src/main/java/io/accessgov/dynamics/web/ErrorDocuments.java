package io.accessgov.dynamics.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Picks the shape of an error answer by the request path: an {@link ErrorDocumentFormat} that covers it, else RFC 9457. */
final class ErrorDocuments {

    /** RFC 9457 problems on every path. */
    static final ErrorDocuments PROBLEMS_ONLY = new ErrorDocuments(List::of);

    private final FormatSource formats;

    private ErrorDocuments(FormatSource formats) {
        this.formats = formats;
    }

    /** The formats the application context holds, looked up when an error is answered (slices may have none). */
    static ErrorDocuments of(ObjectProvider<ErrorDocumentFormat> formats) {
        return new ErrorDocuments(() -> formats.orderedStream().toList());
    }

    /** The media type of the error answers of this path. */
    MediaType mediaType(@Nullable String path) {
        ErrorDocumentFormat format = formatFor(path);
        return format == null ? Problems.MEDIA_TYPE : format.mediaType();
    }

    /** The body of the error answer to this problem on this path. */
    Object body(ProblemDetail problem, @Nullable String path) {
        ErrorDocumentFormat format = formatFor(path);
        return format == null ? Problems.asJson(problem) : format.body(problem);
    }

    private @Nullable ErrorDocumentFormat formatFor(@Nullable String path) {
        if (path == null) {
            return null;
        }
        return formats.get().stream()
                .filter(format -> format.covers(path))
                .findFirst()
                .orElse(null);
    }

    private interface FormatSource {
        List<ErrorDocumentFormat> get();
    }
}
