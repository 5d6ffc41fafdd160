package io.accessgov.dynamics.dataverse;

import java.util.Optional;
import java.util.UUID;

/**
 * The one door to Dataverse. Methods are named for what the service needs; OData (queries, paging links, headers,
 * error codes) stays behind this interface. Every method blocks, is safe to call from many threads, and fails with
 * a subclass of {@link DataverseException} named after what happened.
 */
public interface DataverseClient {

    /** The first page of the users matching the query, at most {@code pageSize} of them (1–5000). */
    DataversePage<SystemUser> findUsers(UserQuery query, int pageSize);

    /**
     * The page that a previous {@link DataversePage#next()} points at.
     *
     * @throws InvalidContinuation when the continuation does not lead to this environment's users; nothing is sent
     */
    DataversePage<SystemUser> findUsers(Continuation continuation);

    /** The user with this id, if Dataverse has one. */
    Optional<SystemUser> findUser(UUID id);

    /** Who the service is signed in as ({@code WhoAmI}); proves the token and the application user work. */
    WhoAmI whoAmI();
}
