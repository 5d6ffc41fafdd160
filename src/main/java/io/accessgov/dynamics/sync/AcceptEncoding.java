package io.accessgov.dynamics.sync;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a request's {@code Accept-Encoding} says about gzip (RFC 9110 §12.5.3): a comma-separated list of codings,
 * each with an optional weight {@code ;q=} from 0 to 1, where {@code *} stands for any coding not listed and 0 means
 * "not acceptable". Without the header, or with an empty one, only the identity form is sent.
 */
final class AcceptEncoding {

    private AcceptEncoding() {}

    /**
     * Whether to send gzip: it is acceptable ({@code gzip}, its alias {@code x-gzip}, or else {@code *}, with a
     * weight above 0), and {@code identity} is not listed with a higher weight.
     */
    static boolean prefersGzip(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        double gzip = -1;
        double identity = -1;
        double any = -1;
        for (String element : header.split(",")) {
            String[] parts = element.split(";");
            String coding = parts[0].strip().toLowerCase(Locale.ROOT);
            double weight = weight(parts);
            switch (coding) {
                case "gzip", "x-gzip" -> gzip = Math.max(gzip, weight);
                case "identity" -> identity = Math.max(identity, weight);
                case "*" -> any = Math.max(any, weight);
                default -> {
                    // another coding: says nothing about gzip
                }
            }
        }
        double gzipWeight = gzip >= 0 ? gzip : Math.max(any, 0);
        return gzipWeight > 0 && identity <= gzipWeight;
    }

    /** The weight of one element; 1 when it has none, 0 when it is malformed (a malformed weight accepts nothing). */
    private static double weight(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.length() > 2 && (parameter.startsWith("q=") || parameter.startsWith("Q="))) {
                try {
                    double q = Double.parseDouble(parameter.substring(2).strip());
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException malformed) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
