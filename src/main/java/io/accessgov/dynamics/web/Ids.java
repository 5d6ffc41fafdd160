package io.accessgov.dynamics.web;

import java.util.UUID;
import java.util.regex.Pattern;

/** Parses the Dataverse GUIDs callers send; lenient forms that {@link UUID#fromString} would accept are refused. */
public final class Ids {

    /** The GUID form accepted on the API, in either case; answered lower-case. */
    public static final String GUID_PATTERN =
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

    private static final Pattern GUID = Pattern.compile(GUID_PATTERN);

    private Ids() {}

    /**
     * The GUID in {@code value}.
     *
     * @param what what the id names, for the problem's detail (e.g. "account id")
     * @throws InvalidId when the value is not of the form {@code xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}
     */
    public static UUID parseGuid(String value, String what) {
        if (value == null || value.length() != 36 || !GUID.matcher(value).matches()) {
            throw new InvalidId("The " + what + " must be a GUID such as 2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d.");
        }
        return UUID.fromString(value);
    }
}
