package io.accessgov.dynamics.dataverse;

/**
 * The identity-governance classification of a Dataverse user (docs/api.md §3). Defined here, next to the Dataverse
 * columns it is computed from, because the same rule must run both in Java and as a Dataverse query.
 */
public enum AccountType {
    /** A person. */
    HUMAN,
    /** Another application user, a non-interactive user or an integration-mode user. */
    SERVICE,
    /** A built-in or Microsoft platform account; platform-managed, never provisioned. */
    SYSTEM
}
