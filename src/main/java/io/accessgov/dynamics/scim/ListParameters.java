package io.accessgov.dynamics.scim;

import org.jspecify.annotations.Nullable;

/**
 * {@code startIndex} and {@code count} of a SCIM list (RFC 7644 §3.4.2.4): a {@code startIndex} below 1 is read as 1,
 * a negative {@code count} as 0 and one above {@link DiscoveryController#MAX_RESULTS} as that maximum, as the RFC
 * asks; text that is no whole number is refused with {@code 400 invalidValue}.
 */
record ListParameters(int startIndex, int count) {

    static final int DEFAULT_COUNT = 100;

    static ListParameters of(@Nullable String startIndex, @Nullable String count) {
        int start = startIndex == null ? 1 : Math.max(1, number("startIndex", startIndex));
        int size = count == null
                ? DEFAULT_COUNT
                : Math.min(DiscoveryController.MAX_RESULTS, Math.max(0, number("count", count)));
        return new ListParameters(start, size);
    }

    private static int number(String name, String text) {
        try {
            long value = Long.parseLong(text.trim());
            return (int) Math.max(Integer.MIN_VALUE / 2, Math.min(Integer.MAX_VALUE / 2, value));
        } catch (NumberFormatException e) {
            throw ScimRefusal.invalidValue("'" + name + "' must be a whole number.");
        }
    }
}
