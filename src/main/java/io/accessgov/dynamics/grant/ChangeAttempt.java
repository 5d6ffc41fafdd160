package io.accessgov.dynamics.grant;

import org.jspecify.annotations.Nullable;

/** What is known of a change attempt while it runs, for its audit event: the grant it turned out to name. */
final class ChangeAttempt {

    private @Nullable GrantId grantId;

    @Nullable
    GrantId grantId() {
        return grantId;
    }

    void grantId(GrantId id) {
        this.grantId = id;
    }
}
