package io.accessgov.dynamics.fieldsecurity;

import io.accessgov.dynamics.account.Account;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** An account that may read, read unmasked, create or update a secured column, and every profile that lets it. */
@Schema(description = "An account with the column access asked about, and the profiles that give it.")
public record ColumnAccessHolder(Account account, List<ProfileSource> sources) {

    public ColumnAccessHolder {
        sources = List.copyOf(sources);
    }
}
