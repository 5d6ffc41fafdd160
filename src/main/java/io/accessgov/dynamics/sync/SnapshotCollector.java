package io.accessgov.dynamics.sync;

import io.accessgov.dynamics.account.Account;
import io.accessgov.dynamics.dataverse.AccountClassifier;
import io.accessgov.dynamics.dataverse.BusinessUnit;
import io.accessgov.dynamics.dataverse.FieldPermission;
import io.accessgov.dynamics.dataverse.FieldSecurityProfile;
import io.accessgov.dynamics.dataverse.Privilege;
import io.accessgov.dynamics.dataverse.RolePrivilege;
import io.accessgov.dynamics.dataverse.SecurityRole;
import io.accessgov.dynamics.dataverse.SystemUser;
import io.accessgov.dynamics.dataverse.Team;
import io.accessgov.dynamics.dataverse.TeamMembership;
import io.accessgov.dynamics.dataverse.TeamProfileLink;
import io.accessgov.dynamics.dataverse.TeamRoleLink;
import io.accessgov.dynamics.dataverse.UserProfileLink;
import io.accessgov.dynamics.dataverse.UserRoleLink;
import io.accessgov.dynamics.grant.GrantRules;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a sync keeps of the tables while they are read, each fed by its own reading thread: the small tables
 * whole, the accounts in scope as the few facts grants need (their JSON goes straight to a bounded-memory sorter),
 * and the link tables as raw GUID bits. Read the fields only after every table is done.
 */
final class SnapshotCollector implements Closeable {

    /** About 32 MiB of account lines in memory before they are spilled to disk, sorted. */
    static final long ACCOUNT_SORT_BUDGET = 32L * 1024 * 1024;

    private final GrantRules rules;
    private final AccountClassifier classifier;
    private final JsonMapper json;

    final List<BusinessUnit> businessUnits = new ArrayList<>();
    final List<SecurityRole> roles = new ArrayList<>();
    final List<Team> teams = new ArrayList<>();
    final List<GrantRules.Account> accounts = new ArrayList<>();
    final LinkTable userRoles = new LinkTable();
    final LinkTable memberships = new LinkTable();
    final LinkTable teamRoles = new LinkTable();
    final List<Privilege> privileges = new ArrayList<>();
    final List<RolePrivilege> rolePrivileges = new ArrayList<>();
    final List<FieldSecurityProfile> profiles = new ArrayList<>();
    final List<FieldPermission> permissions = new ArrayList<>();
    final LinkTable userProfiles = new LinkTable();
    final LinkTable teamProfiles = new LinkTable();
    final LineSorter accountLines;

    SnapshotCollector(
            GrantRules rules, AccountClassifier classifier, JsonMapper json, Path temporaryDirectory, String prefix) {
        this.rules = rules;
        this.classifier = classifier;
        this.json = json;
        this.accountLines = new LineSorter(temporaryDirectory, prefix, ACCOUNT_SORT_BUDGET);
    }

    void businessUnits(List<BusinessUnit> page) {
        businessUnits.addAll(page);
    }

    void roles(List<SecurityRole> page) {
        roles.addAll(page);
    }

    void teams(List<Team> page) {
        teams.addAll(page);
    }

    /** Keeps the accounts in scope (the system-account toggle) and queues their JSON for sorting. */
    void users(List<SystemUser> page) {
        for (SystemUser user : page) {
            rules.accountInScope(user).ifPresent(account -> {
                accounts.add(account);
                String body = json.writeValueAsString(Account.of(user, classifier.classify(user)));
                String id = user.id().toString();
                try {
                    accountLines.add(
                            new SnapshotLine(SnapshotKeys.account(id), SnapshotLine.ACCOUNT, id, body).encode());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    void userRoles(List<UserRoleLink> page) {
        page.forEach(link -> userRoles.add(link.userId(), link.roleId()));
    }

    void memberships(List<TeamMembership> page) {
        page.forEach(link -> memberships.add(link.userId(), link.teamId()));
    }

    void teamRoles(List<TeamRoleLink> page) {
        page.forEach(link -> teamRoles.add(link.teamId(), link.roleId()));
    }

    void privileges(List<Privilege> page) {
        privileges.addAll(page);
    }

    void rolePrivileges(List<RolePrivilege> page) {
        rolePrivileges.addAll(page);
    }

    void profiles(List<FieldSecurityProfile> page) {
        profiles.addAll(page);
    }

    void permissions(List<FieldPermission> page) {
        permissions.addAll(page);
    }

    void userProfiles(List<UserProfileLink> page) {
        page.forEach(link -> userProfiles.add(link.userId(), link.profileId()));
    }

    void teamProfiles(List<TeamProfileLink> page) {
        page.forEach(link -> teamProfiles.add(link.teamId(), link.profileId()));
    }

    @Override
    public void close() throws IOException {
        accountLines.close();
    }
}
