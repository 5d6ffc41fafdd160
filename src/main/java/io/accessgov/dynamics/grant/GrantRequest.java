package io.accessgov.dynamics.grant;

import io.accessgov.dynamics.grant.GrantId.PrincipalType;
import io.accessgov.dynamics.grant.GrantId.ResourceType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What {@code POST /api/v1/grants} asks for (docs/api.md §5), read and checked by {@link GrantRequestReader}.
 *
 * @param resourceId a team id, or the id of a role or of any of its business-unit copies
 * @param businessUnitId which business unit's copy of a role to assign; null for the principal's own unit
 */
record GrantRequest(
        ResourceType resourceType,
        UUID resourceId,
        PrincipalType principalType,
        UUID principalId,
        @Nullable UUID businessUnitId) {

    /** The request body as the OpenAPI document describes it. */
    @Schema(
            name = "GrantRequest",
            description = "A grant to create. A role offers the entitlement 'assigned' (to accounts and teams); a"
                    + " team offers 'member' (to accounts); a field security profile offers 'member' (to accounts"
                    + " and teams). No other members are accepted.")
    record Body(
            @Schema(
                    allowableValues = {"role", "team", "field-security-profile"},
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String resourceType,

            @Schema(
                    description = "A team or field security profile id, or the id of a role or of any of its"
                            + " business-unit copies.",
                    format = "uuid",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String resourceId,

            @Schema(
                    allowableValues = {"account", "team"},
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String principalType,

            @Schema(
                    description = "A Dataverse user (account) or team id.",
                    format = "uuid",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String principalId,

            @Schema(
                    description = "Defaults to the resource type's only entitlement.",
                    allowableValues = {"assigned", "member"},
                    nullable = true)
            @Nullable
            String entitlement,

            @Schema(
                    description = "Roles only: which business unit's copy to assign. Default: the"
                            + " principal's own business unit.",
                    format = "uuid",
                    nullable = true)
            @Nullable
            String businessUnitId) {}
}
