package io.accessgov.dynamics.grant;

/** What a grant or revoke did to the grant (docs/api.md §5); the controller decides how it is answered. */
enum ChangeOutcome {
    /** The principal did not hold the grant directly; now it does. */
    CREATED(true),
    /** The principal already held the grant directly (any copy of a role counts); nothing changed. */
    ALREADY_HELD(true),
    /** The direct grant was removed, and nothing else gives the principal the grant. */
    REMOVED(false),
    /** There was no direct grant to remove, and nothing else gives the principal the grant; nothing changed. */
    ALREADY_ABSENT(false),
    /** The direct assignment is gone, but the account still holds the role through one or more teams. */
    REMAINS_THROUGH_TEAMS(true);

    private final boolean held;

    ChangeOutcome(boolean held) {
        this.held = held;
    }

    /** Whether the principal holds the grant afterwards, so that there is a grant to answer with. */
    boolean held() {
        return held;
    }
}
