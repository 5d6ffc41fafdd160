package io.accessgov.dynamics.role;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.accessgov.dynamics.businessunit.BusinessUnitRef;
import io.accessgov.dynamics.dataverse.RoleInheritance;
import io.accessgov.dynamics.dataverse.SecurityRole;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A logical security role as the API shows it (docs/api.md §4): one per role, not one per business-unit copy.
 *
 * @param id the root copy's id ({@code parentrootroleid}), which names the logical role
 * @param businessUnit the root copy's business unit
 * @param autoAssigned assigned by licence; false where Dataverse has no value
 * @param inheritance what members of a team holding the role get; Dataverse's default (direct user and team
 *     privileges) where it has no value
 * @param copies every business-unit copy, the root copy first; left out of lists (null)
 */
@Schema(description = "A logical security role: one per role, not one per business-unit copy.")
public record Role(
        @Schema(example = "0b5c3e9a-7f1d-4c2b-9a8e-6d5f4c3b2a19")
        UUID id,

        @Schema(example = "Salesperson") String name,

        @Schema(example = "Grants access to the core sales records.", nullable = true) @Nullable
        String description,

        BusinessUnitRef businessUnit,
        @Schema(example = "true") boolean managed,
        @Schema(example = "false") boolean autoAssigned,
        RoleInheritance inheritance,

        @Schema(
                description = "Every business-unit copy of the role, the root copy first. Always present on"
                        + " GET /api/v1/roles/{id}; left out of lists.",
                requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Nullable
        List<Copy> copies) {

    /** Dataverse's value when a role has no {@code isinherited}: direct user (Basic) access and team privileges. */
    static final RoleInheritance DEFAULT_INHERITANCE = RoleInheritance.DIRECT_USER_AND_TEAM_PRIVILEGES;

    /** The logical role named by its root copy, without its copies (as lists show it). */
    public static Role of(SecurityRole root) {
        return build(root, null);
    }

    /**
     * The logical role named by its root copy, with all its copies.
     *
     * @param copies every copy of the role, the root included, in any order
     */
    public static Role of(SecurityRole root, Collection<SecurityRole> copies) {
        return build(
                root,
                copies.stream()
                        .sorted(Comparator.comparing((SecurityRole copy) -> !copy.isRoot())
                                .thenComparing(copy -> copy.id().toString()))
                        .map(copy -> new Copy(copy.id(), copy.businessUnitId()))
                        .toList());
    }

    private static Role build(SecurityRole root, @Nullable List<Copy> copies) {
        return new Role(
                root.rootRoleId(),
                root.name(),
                root.description(),
                new BusinessUnitRef(root.businessUnitId(), root.businessUnitName()),
                root.managed(),
                Boolean.TRUE.equals(root.autoAssigned()),
                root.inheritance() == null ? DEFAULT_INHERITANCE : root.inheritance(),
                copies);
    }

    /**
     * One business unit's copy of the role.
     *
     * @param roleId the copy's own role id; any of them resolves to the logical role
     */
    @Schema(name = "RoleCopy", description = "One business unit's copy of a role.")
    public record Copy(
            @Schema(example = "5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716")
            UUID roleId,

            @Schema(example = "7d3a9b1e-2c4f-4e6a-8b0d-1f2e3a4b5c6d")
            UUID businessUnitId) {}
}
