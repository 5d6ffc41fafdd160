package io.accessgov.dynamics.account;

import io.accessgov.dynamics.web.ApiProblem;
import io.accessgov.dynamics.web.ProblemKind;
import java.util.UUID;

/** No account with this id exists for the API: Dataverse has none, or it is outside the synced scope (toggle). */
public final class AccountNotFound extends ApiProblem {

    public AccountNotFound(UUID id) {
        super(ProblemKind.ACCOUNT_NOT_FOUND, "There is no account with id " + id + ".");
    }
}
