package io.accessgov.dynamics.identity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of role holders across environments, and the environments that could not be read for it. */
@Schema(description = "One page of role holders across every environment.")
record RoleHolderPage(
        List<RoleHolder> items,

        @Schema(nullable = true, description = "Token of the next page; null on the last page.") @Nullable
        String nextPageToken,

        @Schema(
                description = "Environments that could not be read for this page: their holders are missing from it."
                        + " Empty when every environment answered.")
        List<EnvironmentUnavailable> unavailable) {

    RoleHolderPage {
        items = List.copyOf(items);
        unavailable = List.copyOf(unavailable);
    }
}
