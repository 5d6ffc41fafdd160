package io.accessgov.dynamics.identity;

import io.accessgov.dynamics.web.ApiProblem;
import io.accessgov.dynamics.web.ProblemKind;
import java.util.UUID;

/** No environment has an account with this Entra object id, and every environment could be asked: 404. */
final class IdentityNotFound extends ApiProblem {

    IdentityNotFound(UUID entraObjectId, int environments) {
        super(
                ProblemKind.IDENTITY_NOT_FOUND,
                "No account with Entra object id " + entraObjectId + " exists in any of the " + environments
                        + " environments the service governs (system accounts count only where the"
                        + " environment's toggle includes them).");
    }
}
