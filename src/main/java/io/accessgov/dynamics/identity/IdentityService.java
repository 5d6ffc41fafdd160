package io.accessgov.dynamics.identity;

import io.accessgov.dynamics.account.Account;
import io.accessgov.dynamics.dataverse.SystemUser;
import io.accessgov.dynamics.environment.Environment;
import io.accessgov.dynamics.grant.Holdings;
import io.accessgov.dynamics.identity.AcrossEnvironments.Answer;
import io.accessgov.dynamics.web.CursorPages;
import io.accessgov.dynamics.web.InvalidPageToken;
import io.accessgov.dynamics.web.Page;
import io.accessgov.dynamics.web.PageTokens;
import io.accessgov.dynamics.web.ProblemKind;
import io.accessgov.dynamics.web.Problems;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;

/**
 * Answers the questions asked of every environment at once (docs/api.md §9). Each environment is read with the
 * filtered link-table requests its own {@code /grants} uses: a few requests per environment, never one per account.
 */
@Service
class IdentityService {

    private static final CursorPages.Order<RoleHolder> ROLE_HOLDERS =
            CursorPages.Order.ascending("role-holders", RoleHolder::position);

    private final AcrossEnvironments environments;
    private final CursorPages pages;

    IdentityService(AcrossEnvironments environments, PageTokens pageTokens) {
        this.environments = environments;
        this.pages = new CursorPages(pageTokens);
    }

    /**
     * Every account with this Entra object id in every environment, with what each holds.
     *
     * @throws IdentityNotFound when every environment was read and none has such an account
     */
    Identity identity(UUID entraObjectId) {
        List<Answer<List<Identity.InEnvironment>>> answers =
                environments.ask(environment -> accountsOf(environment, entraObjectId));
        List<Identity.InEnvironment> entries = new ArrayList<>();
        for (Answer<List<Identity.InEnvironment>> answer : answers) {
            if (answer.answered()) {
                entries.addAll(answer.value());
            } else {
                entries.add(
                        Identity.InEnvironment.unavailable(answer.environment().name(), answer.problem()));
            }
        }
        if (entries.isEmpty()) {
            throw new IdentityNotFound(entraObjectId, answers.size());
        }
        return new Identity(entraObjectId, entries);
    }

    /**
     * One page of every account holding a role named {@code roleName} (exactly, ignoring case) in any environment,
     * ordered by environment name, then grant id.
     *
     * @throws InvalidPageToken when the token is not one of this list for this role name; nothing is read then
     */
    RoleHolderPage roleHolders(String roleName, @Nullable Integer pageSize, @Nullable String pageToken) {
        String fingerprint = PageTokens.fingerprint(roleName.toLowerCase(Locale.ROOT));
        List<EnvironmentUnavailable> unavailable = new ArrayList<>();
        Set<String> missedBefore = new TreeSet<>();
        Set<String> unreadable = new TreeSet<>();
        Page<RoleHolder> page = pages.pageAfter(
                ROLE_HOLDERS,
                fingerprint,
                pageSize,
                pageToken,
                after -> {
                    RoleHolderCursor cursor = RoleHolderCursor.parse(after);
                    // holders an earlier page could not read stay missing from the whole list: say so on every page
                    missedBefore.addAll(cursor.missed());
                    cursor.missed().forEach(name -> unavailable.add(missedEarlier(name)));
                    // items are ordered by environment first: the environments before the cursor's are done
                    String from = cursor.environment();
                    List<RoleHolder> holders = new ArrayList<>();
                    for (Answer<List<RoleHolder>> answer : environments.ask(
                            environment -> environment.name().compareTo(from) >= 0,
                            environment -> holdersIn(environment, roleName))) {
                        if (answer.answered()) {
                            holders.addAll(answer.value());
                        } else {
                            unreadable.add(answer.environment().name());
                            unavailable.add(new EnvironmentUnavailable(
                                    answer.environment().name(), answer.problem()));
                        }
                    }
                    return holders;
                },
                last -> RoleHolderCursor.after(last, missedBefore, unreadable));
        unavailable.sort(Comparator.comparing(EnvironmentUnavailable::environment));
        return new RoleHolderPage(page.items(), page.nextPageToken(), unavailable);
    }

    private static EnvironmentUnavailable missedEarlier(String environment) {
        ProblemDetail problem = Problems.of(
                ProblemKind.DATAVERSE_UNAVAILABLE,
                "This environment could not be read for an earlier page of this list, so its holders are missing"
                        + " from it; start the list again without pageToken to read them.",
                null);
        problem.setProperty("environment", environment);
        return new EnvironmentUnavailable(environment, Problems.asJson(problem));
    }

    /** The person's accounts here (those the system-account toggle shows), each with its grants: a few requests. */
    private static List<Identity.InEnvironment> accountsOf(Environment environment, UUID entraObjectId) {
        List<Identity.InEnvironment> entries = new ArrayList<>();
        List<SystemUser> users = environment.dataverse().usersWithEntraObjectId(entraObjectId).stream()
                .sorted(Comparator.comparing(user -> user.id().toString()))
                .toList();
        for (SystemUser user : users) {
            Account.in(environment, user)
                    .ifPresent(account -> entries.add(Identity.InEnvironment.of(
                            environment.name(), account, Holdings.ofAccount(environment, user))));
        }
        return entries;
    }

    private static List<RoleHolder> holdersIn(Environment environment, String roleName) {
        return Holdings.accountsHoldingRolesNamed(environment, roleName).stream()
                .map(grant -> new RoleHolder(environment.name(), grant))
                .toList();
    }
}
