package io.accessgov.dynamics.dataverse;

/** Dataverse's {@code accessmode} choice, in its documented order (0–5). */
public enum AccessMode {
    READ_WRITE,
    ADMINISTRATIVE,
    READ,
    SUPPORT_USER,
    NON_INTERACTIVE,
    DELEGATED_ADMIN;

    public static AccessMode of(int value) {
        AccessMode[] modes = values();
        if (value < 0 || value >= modes.length) {
            throw new IllegalArgumentException("unknown accessmode " + value);
        }
        return modes[value];
    }
}
