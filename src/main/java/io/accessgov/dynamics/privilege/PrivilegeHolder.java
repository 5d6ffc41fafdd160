package io.accessgov.dynamics.privilege;

import io.accessgov.dynamics.account.Account;
import io.accessgov.dynamics.dataverse.PrivilegeDepth;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** An account that holds a privilege, at its effective depth, with every source (docs/api.md §10). */
@Schema(description = "An account holding the privilege, at the highest depth over its sources.")
public record PrivilegeHolder(Account account, PrivilegeDepth depth, List<PrivilegeSource> sources) {

    public PrivilegeHolder {
        sources = List.copyOf(sources);
    }
}
