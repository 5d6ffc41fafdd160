package io.accessgov.dynamics.fieldsecurity;

import io.accessgov.dynamics.dataverse.FieldPermission;
import io.accessgov.dynamics.dataverse.FieldSecurityProfile;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A field security profile with its column permissions (docs/api.md §10): the answer of {@code GET
 * /field-security-profiles/{id}} and a {@code field-security-profile} line of a sync's export.
 *
 * @param permissions ordered by table, then column
 */
@Schema(description = "A field security profile: which secured columns its members may read, create and update.")
public record FieldSecurityProfileView(
        @Schema(example = "5e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b")
        UUID id,

        @Schema(example = "Identity Verification") String name,

        @Schema(example = "Reads government ids in clear.", nullable = true) @Nullable
        String description,

        @Schema(example = "false") boolean managed,
        List<ColumnPermission> permissions) {

    private static final Comparator<ColumnPermission> ORDER =
            Comparator.comparing(ColumnPermission::table).thenComparing(ColumnPermission::column);

    /**
     * @param permissions the profile's permissions (others are left out), in any order
     */
    public static FieldSecurityProfileView of(FieldSecurityProfile profile, Collection<FieldPermission> permissions) {
        return new FieldSecurityProfileView(
                profile.id(),
                profile.name(),
                profile.description(),
                profile.managed(),
                permissions.stream()
                        .filter(permission -> permission.profileId().equals(profile.id()))
                        .map(ColumnPermission::of)
                        .sorted(ORDER)
                        .toList());
    }
}
