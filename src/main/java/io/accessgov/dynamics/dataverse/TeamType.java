package io.accessgov.dynamics.dataverse;

/** Dataverse's {@code teamtype} choice, in its documented order (0–3). */
public enum TeamType {
    OWNER,
    ACCESS,
    ENTRA_SECURITY_GROUP,
    ENTRA_OFFICE_GROUP;

    /** Whether the team's members come from an Entra group. */
    public boolean isEntraGroup() {
        return this == ENTRA_SECURITY_GROUP || this == ENTRA_OFFICE_GROUP;
    }
}
