package io.accessgov.dynamics.fieldsecurity;

import io.accessgov.dynamics.grant.Grant;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** Why an account may do something with a secured column: a profile it holds, directly or through a team. */
@Schema(description = "A field security profile the account holds, directly or through a team.")
public record ProfileSource(
        ProfileRef profile,

        @Schema(description = "{\"type\": \"direct\"}, or {\"type\": \"team\", \"id\", \"displayName\"}.")
        Grant.Source via) {

    /** A profile by id and name. */
    public record ProfileRef(
            @Schema(example = "5e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b")
            UUID id,

            String name) {}
}
