package io.accessgov.dynamics.scim;

import io.accessgov.dynamics.web.ApiProblem;
import io.accessgov.dynamics.web.ProblemKind;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Sends the links of a PATCH to grant/, one change at a time, in the order the patch names them (adds first). Each is
 * a grant or revoke with the REST API's rules, idempotence, 409 reasons and audit (docs/api.md §5). A link to a role
 * or account that does not exist is the patch's fault: {@code 400 invalidValue} with grant/'s sentence. The links
 * are sent one by one, so a refusal part-way leaves the earlier ones done (docs/scim.md, "PATCH").
 */
final class LinkChanges {

    /** A missing subject of a link is a bad value in the patch, not a missing resource at its URL. */
    private static final Set<ProblemKind> MISSING_SUBJECTS =
            Set.of(ProblemKind.ROLE_NOT_FOUND, ProblemKind.ACCOUNT_NOT_FOUND, ProblemKind.BUSINESS_UNIT_NOT_FOUND);

    private LinkChanges() {}

    static void apply(ScimPatch.Links links, Consumer<UUID> add, Consumer<UUID> remove) {
        links.add().forEach(id -> send(add, id));
        links.remove().forEach(id -> send(remove, id));
    }

    private static void send(Consumer<UUID> change, UUID id) {
        try {
            change.accept(id);
        } catch (ApiProblem refused) {
            if (MISSING_SUBJECTS.contains(refused.kind())) {
                throw ScimRefusal.invalidPatch("invalidValue", refused.getMessage());
            }
            throw refused;
        }
    }
}
