package io.accessgov.dynamics.sync;

import io.accessgov.dynamics.grant.Grant;
import io.accessgov.dynamics.grant.GrantRules;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The snapshot lines of one account's grants, assembled and rendered in one pass: the same grants, order and bytes as
 * {@link GrantRules#ofAccount} written by Jackson (the grants API's own rules and JSON), without the general
 * assembler's maps or a serializer per grant. Every role's and team's JSON is rendered once, by Jackson, and copied
 * into each grant that names it. {@code AccountGrantLinesTest} holds the two to the same output.
 *
 * <p>The rules: a role an account holds directly or through any of its teams is one grant on the logical role, with
 * {@code direct} first among its sources and then each team by name (case-insensitive) and id, revocable when held
 * directly by an account that is not platform-managed; each team membership is a grant of its own, revocable unless
 * the team's membership is managed elsewhere or the account is platform-managed. Grants come in grant-id order.
 *
 * <p>Thread-safe once built: workers render different accounts at the same time.
 */
final class AccountGrantLines {

    private static final Comparator<TeamJson> SOURCE_ORDER = Comparator.comparing(
                    (TeamJson team) -> team.name == null ? "" : team.name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(team -> team.id);

    private static final byte[] DIRECT_SOURCE = ascii("{\"type\":\"direct\"}");
    private static final byte[] KIND_AND_ID = ascii("{\"kind\":\"grant\",\"id\":\"");
    private static final byte[] REVOCABLE = ascii("],\"revocable\":true}\n");
    private static final byte[] NOT_REVOCABLE = ascii("],\"revocable\":false}\n");

    private final JsonMapper json;
    private final Map<GrantRules.Role, GrantJson> roleGrants = new HashMap<>();
    private final Map<UUID, TeamJson> teams = new HashMap<>();

    /**
     * @param roles every role (copy) an account or team can hold
     * @param teams every team an account can be a member of, with the roles it holds
     */
    AccountGrantLines(JsonMapper json, Collection<GrantRules.Role> roles, Collection<GrantRules.Team> teams) {
        this.json = json;
        for (GrantRules.Role role : roles) {
            roleGrants.computeIfAbsent(role, this::roleGrant);
        }
        for (GrantRules.Team team : teams) {
            team.roles().forEach(role -> roleGrants.computeIfAbsent(role, this::roleGrant));
            this.teams.put(team.id(), new TeamJson(team, json));
        }
    }

    /**
     * Appends the account's grant lines to {@code lines} as the export sends them (see {@link SnapshotLine}), and
     * their keys to {@code keys}, each followed by a line break; the number of lines and the first and last keys.
     */
    Written write(
            GrantRules.Account account,
            List<GrantRules.Role> direct,
            List<GrantRules.Team> memberOf,
            LineBuffer lines,
            LineBuffer keys) {
        String accountId = account.id().toString();
        byte[] keyStart = ascii("4|a|" + accountId + "|");
        byte[] accountBytes = ascii(accountId);
        byte[] principalAndSources = principalAndSources(accountId, account.displayName());
        List<HeldRole> held = new ArrayList<>(direct.size() + memberOf.size());
        Map<UUID, HeldRole> byRoot = new HashMap<>();
        for (GrantRules.Role role : direct) {
            hold(held, byRoot, role).direct = true;
        }
        List<TeamJson> teamsOfAccount = new ArrayList<>(memberOf.size());
        for (GrantRules.Team team : memberOf) {
            TeamJson teamJson = teams.get(team.id());
            if (teamJson == null) {
                throw new IllegalArgumentException("team " + team.id() + " was not among the teams given");
            }
            if (!teamsOfAccount.contains(teamJson)) {
                teamsOfAccount.add(teamJson);
            }
            for (GrantRules.Role role : team.roles()) {
                HeldRole heldRole = hold(held, byRoot, role);
                if (!heldRole.through.contains(teamJson)) {
                    heldRole.through.add(teamJson);
                }
            }
        }
        held.sort(Comparator.comparing(heldRole -> heldRole.rootId, SnapshotComposer.GUID_ORDER));
        teamsOfAccount.sort(Comparator.comparing(team -> team.uuid, SnapshotComposer.GUID_ORDER));

        for (HeldRole role : held) {
            GrantJson grant = grantOf(role.named);
            start(lines, keys, keyStart, grant, accountBytes, principalAndSources);
            role.through.sort(SOURCE_ORDER);
            boolean first = true;
            if (role.direct) {
                lines.append(DIRECT_SOURCE);
                first = false;
            }
            for (TeamJson team : role.through) {
                if (!first) {
                    lines.append((byte) ',');
                }
                lines.append(team.source);
                first = false;
            }
            lines.append(role.direct && !account.platformManaged() ? REVOCABLE : NOT_REVOCABLE);
        }
        for (TeamJson team : teamsOfAccount) {
            start(lines, keys, keyStart, team.membership, accountBytes, principalAndSources);
            lines.append(DIRECT_SOURCE);
            lines.append(!team.membershipManagedElsewhere && !account.platformManaged() ? REVOCABLE : NOT_REVOCABLE);
        }
        int count = held.size() + teamsOfAccount.size();
        if (count == 0) {
            return new Written(0, "", "");
        }
        String firstId =
                held.isEmpty() ? teamsOfAccount.get(0).membership.idPrefix : grantOf(held.get(0).named).idPrefix;
        String lastId = teamsOfAccount.isEmpty()
                ? grantOf(held.get(held.size() - 1).named).idPrefix
                : teamsOfAccount.get(teamsOfAccount.size() - 1).membership.idPrefix;
        return new Written(
                count,
                SnapshotKeys.grantOfAccount(accountId, firstId + accountId),
                SnapshotKeys.grantOfAccount(accountId, lastId + accountId));
    }

    /** The grant the account holds on this role's logical role, named as the last copy of it seen. */
    private static HeldRole hold(List<HeldRole> held, Map<UUID, HeldRole> byRoot, GrantRules.Role role) {
        HeldRole heldRole = byRoot.get(role.rootId());
        if (heldRole == null) {
            heldRole = new HeldRole(role);
            byRoot.put(role.rootId(), heldRole);
            held.add(heldRole);
        }
        heldRole.named = role;
        return heldRole;
    }

    /**
     * The key {@code 4|a|{account}|{grant id}} and its line break; the line up to its sources:
     * {@code {"kind":"grant","id":"{grant id}","resource":…,"principal":…,"sources":[}.
     */
    private static void start(
            LineBuffer lines,
            LineBuffer keys,
            byte[] keyStart,
            GrantJson grant,
            byte[] accountId,
            byte[] principalAndSources) {
        keys.append(keyStart);
        keys.append(grant.id);
        keys.append(accountId);
        keys.append((byte) '\n');
        lines.append(KIND_AND_ID);
        lines.append(grant.id);
        lines.append(accountId);
        lines.append(grant.resource);
        lines.append(principalAndSources);
    }

    /**
     * {@code {"type":"account","id":"…","displayName":"…"},"sources":[}, as Jackson writes the principal {@link
     * Grant.Ref}: the name escaped by Jackson's own string encoder, without a generator per account.
     */
    private static byte[] principalAndSources(String accountId, @Nullable String displayName) {
        String start = "{\"type\":\"account\",\"id\":\"" + accountId + "\",\"displayName\":";
        if (displayName == null) {
            return ascii(start + "null},\"sources\":[");
        }
        return concat(
                concat(ascii(start + "\""), JsonStringEncoder.getInstance().quoteAsUTF8(displayName)),
                ascii("\"},\"sources\":["));
    }

    private GrantJson grantOf(GrantRules.Role role) {
        GrantJson grant = roleGrants.get(role);
        if (grant == null) {
            throw new IllegalArgumentException("role " + role + " was not among the roles given");
        }
        return grant;
    }

    private GrantJson roleGrant(GrantRules.Role role) {
        String id = role.rootId().toString();
        return new GrantJson(
                "role:" + id + ":assigned:account:",
                json.writeValueAsBytes(new Grant.Ref("role", id, role.name())),
                "assigned");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /**
     * The fixed parts of a grant on one role or team: its id up to the account's id, and its JSON from the end of
     * the id to the principal ({@code ","resource":{…},"entitlement":"…","principal":}).
     */
    private static final class GrantJson {
        final String idPrefix;
        final byte[] id;
        final byte[] resource;

        GrantJson(String idPrefix, byte[] resourceRef, String entitlement) {
            this.idPrefix = idPrefix;
            this.id = ascii(idPrefix);
            this.resource = concat(
                    concat(ascii("\",\"resource\":"), resourceRef),
                    ascii(",\"entitlement\":\"" + entitlement + "\",\"principal\":"));
        }
    }

    /** The lines one account's grants were written as: how many, and the first and last keys. */
    record Written(int count, String firstKey, String lastKey) {}

    /** A logical role an account holds, and why. */
    private static final class HeldRole {
        final UUID rootId;
        GrantRules.Role named;
        boolean direct;
        final List<TeamJson> through = new ArrayList<>(2);

        HeldRole(GrantRules.Role role) {
            this.rootId = role.rootId();
            this.named = role;
        }
    }

    /** A team's JSON as a grant's resource and as a grant's source, rendered once. */
    private static final class TeamJson {
        final UUID uuid;
        final String id;
        final @Nullable String name;
        final boolean membershipManagedElsewhere;
        final GrantJson membership;
        final byte[] source;

        TeamJson(GrantRules.Team team, JsonMapper json) {
            this.uuid = team.id();
            this.id = team.id().toString();
            this.name = team.name();
            this.membershipManagedElsewhere = team.membershipManagedElsewhere();
            this.membership = new GrantJson(
                    "team:" + id + ":member:account:",
                    json.writeValueAsBytes(new Grant.Ref("team", id, name)),
                    "member");
            this.source = json.writeValueAsBytes(new Grant.Source("team", id, name));
        }
    }
}
