package io.accessgov.dynamics.dataverse;

/** Dataverse's {@code membershiptype} choice of an Entra group team, in its documented order (0–3). */
public enum EntraMembershipType {
    MEMBERS_AND_GUESTS,
    MEMBERS,
    OWNERS,
    GUESTS
}
