package io.accessgov.dynamics.dataverse;

import org.jspecify.annotations.Nullable;

/** Dataverse refused a change because one of its business rules forbids it; the hex code says which. */
public final class BusinessRuleViolated extends DataverseException {

    public BusinessRuleViolated(String message, @Nullable String dataverseCode, @Nullable String requestId) {
        super(message, dataverseCode, requestId);
    }
}
