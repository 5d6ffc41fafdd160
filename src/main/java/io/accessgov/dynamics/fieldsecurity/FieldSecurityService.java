package io.accessgov.dynamics.fieldsecurity;

import io.accessgov.dynamics.account.Account;
import io.accessgov.dynamics.dataverse.Continuation;
import io.accessgov.dynamics.dataverse.DataverseClient;
import io.accessgov.dynamics.dataverse.DataversePage;
import io.accessgov.dynamics.dataverse.FieldPermission;
import io.accessgov.dynamics.dataverse.FieldSecurityProfile;
import io.accessgov.dynamics.dataverse.SystemUser;
import io.accessgov.dynamics.environment.Environment;
import io.accessgov.dynamics.grant.Grant;
import io.accessgov.dynamics.web.CursorPages;
import io.accessgov.dynamics.web.Page;
import io.accessgov.dynamics.web.PageTokens;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Column security (docs/api.md §10): field security profiles with their column permissions, and who may read, read
 * unmasked, create or update a secured column, through which profiles.
 */
@Service
public class FieldSecurityService {

    static final String LIST_KIND = "field-security-profiles";

    private static final CursorPages.Order<ColumnAccessHolder> COLUMN_ACCESS = CursorPages.Order.ascending(
            "column-access", holder -> holder.account().id().toString());

    /** Direct first, then teams by name; within each, profiles by name. */
    static final Comparator<ProfileSource> SOURCE_ORDER = Comparator.comparing(
                    (ProfileSource source) -> !source.via().type().equals(Grant.Source.DIRECT.type()))
            .thenComparing(source -> orEmpty(source.via().displayName()), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(source -> orEmpty(source.via().id()))
            .thenComparing(source -> source.profile().name(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(source -> source.profile().id());

    private final PageTokens pageTokens;
    private final CursorPages pages;

    FieldSecurityService(PageTokens pageTokens) {
        this.pageTokens = pageTokens;
        this.pages = new CursorPages(pageTokens);
    }

    /**
     * One page of the profiles whose name contains {@code search}, each with its permissions (one more request per
     * page).
     */
    Page<FieldSecurityProfileView> list(
            Environment environment, @Nullable String search, @Nullable Integer pageSize, @Nullable String pageToken) {
        String wanted = search == null || search.isEmpty() ? null : search;
        String fingerprint = PageTokens.fingerprint(wanted);
        String kind = PageTokens.kind(LIST_KIND, environment.name());
        DataverseClient dataverse = environment.dataverse();
        DataversePage<FieldSecurityProfile> page;
        if (pageToken != null) {
            Continuation next = pageTokens.redeem(pageToken, kind, fingerprint, pageSize);
            page = dataverse.findFieldSecurityProfiles(next);
        } else {
            page = dataverse.findFieldSecurityProfiles(wanted, pageSize == null ? Page.DEFAULT_SIZE : pageSize);
        }
        List<FieldPermission> permissions = page.items().isEmpty()
                ? List.of()
                : dataverse.fieldPermissionsOfProfiles(
                        page.items().stream().map(FieldSecurityProfile::id).toList());
        List<FieldSecurityProfileView> views = page.items().stream()
                .map(profile -> FieldSecurityProfileView.of(profile, permissions))
                .toList();
        String nextToken = page.nextPage()
                .map(next -> pageTokens.issue(kind, fingerprint, next))
                .orElse(null);
        return new Page<>(views, nextToken);
    }

    /**
     * The profile with this id and its permissions.
     *
     * @throws FieldSecurityProfileNotFound when there is none
     */
    public FieldSecurityProfileView get(Environment environment, UUID id) {
        DataverseClient dataverse = environment.dataverse();
        FieldSecurityProfile profile =
                dataverse.findFieldSecurityProfile(id).orElseThrow(() -> new FieldSecurityProfileNotFound(id));
        return FieldSecurityProfileView.of(profile, dataverse.fieldPermissionsOfProfiles(List.of(id)));
    }

    /**
     * The accounts in scope whose profiles allow {@code right} on the column, by id, each with every profile that
     * allows it.
     *
     * @throws InvalidColumnQuery when the environment has no such table, or no profile names the column
     */
    Page<ColumnAccessHolder> columnAccess(
            Environment environment,
            String table,
            String column,
            ColumnAccessRight right,
            @Nullable Integer pageSize,
            @Nullable String pageToken) {
        String logicalTable = table.toLowerCase(Locale.ROOT);
        String logicalColumn = column.toLowerCase(Locale.ROOT);
        return pages.pageOf(
                COLUMN_ACCESS.in(environment.name()),
                PageTokens.fingerprint(logicalTable, logicalColumn, right),
                pageSize,
                pageToken,
                (after, wanted) -> readColumnAccess(environment, logicalTable, logicalColumn, right, after, wanted));
    }

    /**
     * The first {@code wanted} accounts after the account id {@code after}: the profile memberships are read whole
     * (a request per 5,000 links), but only the page's accounts are read.
     */
    private static List<ColumnAccessHolder> readColumnAccess(
            Environment environment,
            String table,
            String column,
            ColumnAccessRight right,
            @Nullable String after,
            int wanted) {
        DataverseClient dataverse = environment.dataverse();
        if (dataverse.privilegesOfTable(table).isEmpty()) {
            throw new InvalidColumnQuery("This environment has no table with the logical name '" + table + "'.");
        }
        List<FieldPermission> permissions = dataverse.fieldPermissionsOfColumn(table, column);
        if (permissions.isEmpty()) {
            throw new InvalidColumnQuery("No field security profile names the column '" + column + "' of '" + table
                    + "': it is not a secured column (or does not exist), so column security does not decide who"
                    + " reads it; GET /api/v1/privilege-holders?table=" + table + "&access=READ answers that.");
        }
        Set<UUID> allowing = new LinkedHashSet<>();
        permissions.stream().filter(right::allowedBy).forEach(permission -> allowing.add(permission.profileId()));
        if (allowing.isEmpty()) {
            return List.of();
        }
        Map<UUID, ProfileSource.ProfileRef> profiles = new HashMap<>();
        dataverse
                .fieldSecurityProfilesById(allowing)
                .forEach(profile ->
                        profiles.put(profile.id(), new ProfileSource.ProfileRef(profile.id(), profile.name())));
        Map<UUID, List<ProfileSource>> sources = new HashMap<>();
        ProfileHoldings.ofProfiles(dataverse, profiles.keySet())
                .byUser()
                .forEach((user, held) -> held.forEach(each -> sources.computeIfAbsent(user, id -> new ArrayList<>())
                        .add(new ProfileSource(profiles.get(each.profileId()), each.via()))));
        return CursorPages.firstByIdAfter(sources.keySet(), after, wanted, DataverseClient.IDS_PER_REQUEST, page -> {
            List<ColumnAccessHolder> holders = new ArrayList<>();
            for (SystemUser user : dataverse.usersById(page)) {
                List<ProfileSource> reasons = new ArrayList<>(sources.get(user.id()));
                reasons.sort(SOURCE_ORDER);
                Account.in(environment, user)
                        .ifPresent(account -> holders.add(new ColumnAccessHolder(account, reasons)));
            }
            return holders;
        });
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
