package io.accessgov.dynamics.team;

import io.accessgov.dynamics.web.ApiProblem;
import io.accessgov.dynamics.web.ProblemKind;
import java.util.UUID;

/** Dataverse has no team with this id. */
final class TeamNotFound extends ApiProblem {

    TeamNotFound(UUID id) {
        super(ProblemKind.TEAM_NOT_FOUND, "There is no team with id " + id + ".");
    }
}
