package io.accessgov.dynamics.dataverse;

/**
 * How far a role privilege reaches (docs/dataverse.md §14), in increasing order: the holder's own records, the
 * holder's business unit, that unit and its children, the whole organisation. Dataverse stores it as the
 * {@code privilegedepthmask} bits 1, 2, 4 and 8 (Basic, Local, Deep, Global).
 */
public enum PrivilegeDepth {
    USER,
    BUSINESS_UNIT,
    PARENT_CHILD_BUSINESS_UNITS,
    ORGANIZATION;

    /** True when this depth reaches at least as far as {@code other}. */
    public boolean atLeast(PrivilegeDepth other) {
        return compareTo(other) >= 0;
    }

    /** The farther-reaching of the two. */
    public PrivilegeDepth max(PrivilegeDepth other) {
        return atLeast(other) ? this : other;
    }
}
