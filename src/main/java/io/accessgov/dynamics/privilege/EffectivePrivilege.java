package io.accessgov.dynamics.privilege;

import io.accessgov.dynamics.dataverse.PrivilegeAccess;
import io.accessgov.dynamics.dataverse.PrivilegeDepth;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A privilege an account holds, at the highest depth its sources give, with every source (docs/api.md §10). */
@Schema(description = "A privilege an account holds, at the highest depth over its sources, with every source.")
public record EffectivePrivilege(
        @Schema(example = "2d7f3d1e-8c5b-4e0f-9b6a-1c2d3e4f5a6b")
        UUID privilegeId,

        @Schema(example = "prvDeleteAccount") String name,

        @Schema(example = "account", nullable = true) @Nullable
        String table,

        @Schema(nullable = true) @Nullable PrivilegeAccess access,
        PrivilegeDepth depth,
        List<PrivilegeSource> sources) {

    public EffectivePrivilege {
        sources = List.copyOf(sources);
    }
}
