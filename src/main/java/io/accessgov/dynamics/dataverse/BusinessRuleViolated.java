package io.accessgov.dynamics.dataverse;

import org.jspecify.annotations.Nullable;

/**
 * Dataverse refused a change because one of its business rules forbids it; {@link #rule()} says which, and the hex
 * code is kept for support cases.
 */
public final class BusinessRuleViolated extends DataverseException {

    private final BusinessRule rule;

    public BusinessRuleViolated(
            String message, BusinessRule rule, @Nullable String dataverseCode, @Nullable String requestId) {
        super(message, dataverseCode, requestId);
        this.rule = rule;
    }

    /** The rule Dataverse enforced; {@link BusinessRule#UNKNOWN} when its code is not one this service knows. */
    public BusinessRule rule() {
        return rule;
    }
}
