package io.accessgov.dynamics.dataverse.internal;

import static io.accessgov.dynamics.dataverse.internal.ODataFilter.and;
import static io.accessgov.dynamics.dataverse.internal.ODataFilter.contains;
import static io.accessgov.dynamics.dataverse.internal.ODataFilter.eq;
import static io.accessgov.dynamics.dataverse.internal.ODataFilter.or;

import io.accessgov.dynamics.dataverse.AccountClassifier;
import io.accessgov.dynamics.dataverse.Continuation;
import io.accessgov.dynamics.dataverse.DataverseClient;
import io.accessgov.dynamics.dataverse.DataversePage;
import io.accessgov.dynamics.dataverse.SystemUser;
import io.accessgov.dynamics.dataverse.UserQuery;
import io.accessgov.dynamics.dataverse.WhoAmI;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** {@link DataverseClient} over the Dataverse Web API. */
public class WebApiDataverseClient implements DataverseClient {

    protected final DataverseConnection connection;
    protected final ODataReader reader;
    protected final ColumnSupport columns;
    private final AccountClassifier classifier;

    public WebApiDataverseClient(
            DataverseConnection connection, ODataReader reader, ColumnSupport columns, AccountClassifier classifier) {
        this.connection = connection;
        this.reader = reader;
        this.columns = columns;
        this.classifier = classifier;
    }

    @Override
    public DataversePage<SystemUser> findUsers(UserQuery query, int pageSize) {
        checkPageSize(pageSize);
        return columns.withFallback(SystemUserRows.ENTITY, SystemUserRows.OPTIONAL, available -> {
            String filter;
            try {
                filter = userFilter(query).render(available);
            } catch (ODataFilter.AlwaysFalse nothing) {
                return new DataversePage<>(List.of(), null);
            }
            URI uri = ODataUri.of(connection.apiBase(), SystemUserRows.ENTITY_SET)
                    .select(select(SystemUserRows.COLUMNS, available))
                    .filter(filter)
                    .build();
            return userPage(reader.page(uri, SystemUserRows.ENTITY_SET, pageSize, true), pageSize);
        });
    }

    @Override
    public DataversePage<SystemUser> findUsers(Continuation continuation) {
        checkPageSize(continuation.pageSize());
        URI uri = ODataUri.continuation(connection.apiBase(), SystemUserRows.ENTITY_SET, continuation.link());
        return userPage(reader.page(uri, SystemUserRows.ENTITY_SET, continuation.pageSize(), true), continuation.pageSize());
    }

    @Override
    public Optional<SystemUser> findUser(UUID id) {
        return columns.withFallback(SystemUserRows.ENTITY, SystemUserRows.OPTIONAL, available -> {
            URI uri = ODataUri.of(connection.apiBase(), SystemUserRows.ENTITY_SET + "(" + id + ")")
                    .select(select(SystemUserRows.COLUMNS, available))
                    .build();
            return reader.one(uri, SystemUserRows.ENTITY_SET, true).map(SystemUserRows::toUser);
        });
    }

    @Override
    public WhoAmI whoAmI() {
        URI uri = ODataUri.of(connection.apiBase(), "WhoAmI").build();
        JsonNode answer = reader.one(uri, "WhoAmI", false)
                .orElseThrow(() -> new io.accessgov.dynamics.dataverse.DataverseRejectedRequest(
                        "Dataverse does not offer the WhoAmI function at " + connection.apiBase() + ".", null, null));
        return new WhoAmI(
                Rows.requiredUuid(answer, "UserId"),
                Rows.requiredUuid(answer, "BusinessUnitId"),
                Rows.requiredUuid(answer, "OrganizationId"));
    }

    private ODataFilter userFilter(UserQuery query) {
        List<ODataFilter> parts = new ArrayList<>();
        parts.add(classifier.filterFor(query.accountTypes()));
        if (query.disabled() != null) {
            parts.add(eq("isdisabled", query.disabled()));
        }
        if (query.search() != null) {
            parts.add(or(
                    contains("fullname", query.search()),
                    contains("domainname", query.search()),
                    contains("internalemailaddress", query.search())));
        }
        return and(parts);
    }

    private DataversePage<SystemUser> userPage(ODataReader.RawPage page, int pageSize) {
        List<SystemUser> users = page.rows().stream().map(SystemUserRows::toUser).toList();
        Continuation next = page.nextLink() == null ? null : new Continuation(page.nextLink(), pageSize);
        return new DataversePage<>(users, next);
    }

    protected static List<String> select(List<String> wanted, Predicate<String> available) {
        return wanted.stream().filter(available).toList();
    }

    protected static void checkPageSize(int pageSize) {
        if (pageSize < 1 || pageSize > ODataReader.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be 1–" + ODataReader.MAX_PAGE_SIZE + ", was " + pageSize);
        }
    }
}
