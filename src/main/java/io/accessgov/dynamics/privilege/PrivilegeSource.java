package io.accessgov.dynamics.privilege;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.accessgov.dynamics.dataverse.PrivilegeDepth;
import io.accessgov.dynamics.grant.Grant;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One reason an account holds a privilege (docs/api.md §10): a role, held directly or through a team, at a depth.
 *
 * @param scope {@code TEAM_OWNED_RECORDS} when the role is held through a team and gives its members the team's
 *     privileges only (its inheritance is {@code TEAM_PRIVILEGES_ONLY}); absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "One reason an account holds a privilege: a role, directly or through a team, at a depth.")
public record PrivilegeSource(
        RoleRef role,
        PrivilegeDepth depth,

        @Schema(description = "{\"type\": \"direct\"}, or {\"type\": \"team\", \"id\", \"displayName\"}.")
        Grant.Source via,

        @Schema(
                nullable = true,
                description = "TEAM_OWNED_RECORDS: a team role that gives members the team's privileges only;"
                        + " it applies to records the team owns and does not raise the account's depth.")
        @Nullable
        Scope scope) {

    /** The logical role a privilege comes from. */
    public record RoleRef(
            @Schema(example = "0b5c3e9a-7f1d-4c2b-9a8e-6d5f4c3b2a19")
            UUID id,

            String name) {}

    /** Where a source applies, when not to every record its depth reaches. */
    public enum Scope {
        TEAM_OWNED_RECORDS
    }

    /** Whether this source gives the privilege on the account's own records (and so counts for its depth). */
    boolean ownRecords() {
        return scope == null;
    }
}
