package io.accessgov.dynamics.sync;

import io.accessgov.dynamics.grant.Grant;
import io.accessgov.dynamics.grant.GrantRules;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The snapshot lines of one account's grants, assembled and rendered in one pass: the same grants, order and bytes as
 * {@link GrantRules#ofAccount} written by Jackson (the grants API's own JSON), without the general assembler's maps
 * or a serializer per grant. The rules are {@link GrantRules}' and nowhere else: grant ids and entitlements ({@link
 * GrantRules#roleOfAccount}, {@link GrantRules#membershipOf}), the order of sources ({@link
 * GrantRules#SOURCE_ORDER}) and revocability ({@link GrantRules#revocable}); this class only renders. Every role's,
 * team's and source's JSON is rendered once, by Jackson, and copied into each grant that names it. {@code
 * AccountGrantLinesTest} holds the two renderings to the same output.
 *
 * <p>Thread-safe once built: workers render different accounts at the same time.
 */
final class AccountGrantLines {

    private static final byte[] KIND_AND_ID = ascii("{\"kind\":\"grant\",\"id\":\"");
    private static final byte[] REVOCABLE = ascii("],\"revocable\":true}\n");
    private static final byte[] NOT_REVOCABLE = ascii("],\"revocable\":false}\n");

    private static final Comparator<SourceJson> SOURCE_ORDER =
            Comparator.comparing(source -> source.value, GrantRules.SOURCE_ORDER);

    /** Grant-id order: the grants of one account differ only in the part before the account's id. */
    private static final Comparator<Line> GRANT_ID_ORDER = Comparator.comparing(line -> line.grant.idPrefix);

    private final JsonMapper json;
    private final SourceJson directSource;
    private final Map<GrantRules.Role, GrantJson> roleGrants = new HashMap<>();
    private final Map<GrantRules.Profile, GrantJson> profileGrants = new HashMap<>();
    private final Map<UUID, TeamJson> teams = new HashMap<>();

    /**
     * @param roles every role (copy) an account or team can hold
     * @param teams every team an account can be a member of, with the roles it holds
     */
    AccountGrantLines(JsonMapper json, Collection<GrantRules.Role> roles, Collection<GrantRules.Team> teams) {
        this(json, roles, List.of(), teams);
    }

    /**
     * @param roles every role (copy) an account or team can hold
     * @param profiles every field security profile an account can hold directly
     * @param teams every team an account can be a member of, with the roles and profiles it holds
     */
    AccountGrantLines(
            JsonMapper json,
            Collection<GrantRules.Role> roles,
            Collection<GrantRules.Profile> profiles,
            Collection<GrantRules.Team> teams) {
        this.json = json;
        this.directSource = new SourceJson(Grant.Source.DIRECT, json);
        for (GrantRules.Role role : roles) {
            roleGrants.computeIfAbsent(role, this::roleGrant);
        }
        for (GrantRules.Profile profile : profiles) {
            profileGrants.computeIfAbsent(profile, this::profileGrant);
        }
        for (GrantRules.Team team : teams) {
            team.roles().forEach(role -> roleGrants.computeIfAbsent(role, this::roleGrant));
            team.profiles().forEach(profile -> profileGrants.computeIfAbsent(profile, this::profileGrant));
            this.teams.put(team.id(), new TeamJson(team, json));
        }
    }

    /**
     * Appends the account's grant lines to {@code out} as the export sends them (see {@link SnapshotLine}), and their
     * keys to {@code keys}, each followed by a line break; the number of lines and the first and last keys.
     */
    Written write(
            GrantRules.Account account,
            List<GrantRules.Role> direct,
            List<GrantRules.Team> memberOf,
            LineBuffer out,
            LineBuffer keys) {
        return write(account, direct, List.of(), memberOf, out, keys);
    }

    /** {@link #write(GrantRules.Account, List, List, LineBuffer, LineBuffer)} with the account's own profiles. */
    Written write(
            GrantRules.Account account,
            List<GrantRules.Role> direct,
            List<GrantRules.Profile> directProfiles,
            List<GrantRules.Team> memberOf,
            LineBuffer out,
            LineBuffer keys) {
        List<Line> lines = new ArrayList<>(direct.size() + directProfiles.size() + 2 * memberOf.size());
        Map<UUID, Line> roleLines = new HashMap<>();
        Map<UUID, Line> profileLines = new HashMap<>();
        for (GrantRules.Role role : direct) {
            holdRole(lines, roleLines, role).direct = true;
        }
        for (GrantRules.Profile profile : directProfiles) {
            holdProfile(lines, profileLines, profile).direct = true;
        }
        // a set, not a list: an account may be a member of thousands of teams
        Set<TeamJson> joined = Collections.newSetFromMap(new IdentityHashMap<>(2 * memberOf.size()));
        for (GrantRules.Team team : memberOf) {
            TeamJson teamJson = teams.get(team.id());
            if (teamJson == null) {
                throw new IllegalArgumentException("team " + team.id() + " was not among the teams given");
            }
            if (!joined.add(teamJson)) {
                // a team given twice is one membership, and its roles' sources are already there; skipping it can
                // only change which copy names a grant, and every copy of a role carries its root's name
                continue;
            }
            Line membership = new Line(teamJson.membership);
            membership.direct = true; // a membership's single source
            membership.managedElsewhere = teamJson.membershipManagedElsewhere;
            lines.add(membership);
            for (GrantRules.Role role : team.roles()) {
                holdRole(lines, roleLines, role).addSource(teamJson.source);
            }
            for (GrantRules.Profile profile : team.profiles()) {
                holdProfile(lines, profileLines, profile).addSource(teamJson.source);
            }
        }
        if (lines.isEmpty()) {
            return new Written(0, "", "");
        }
        lines.sort(GRANT_ID_ORDER);

        String accountId = account.id().toString();
        byte[] keyStart = ascii("4|a|" + accountId + "|");
        byte[] accountBytes = ascii(accountId);
        byte[] principalAndSources = principalAndSources(accountId, account.displayName());
        for (Line line : lines) {
            start(out, keys, keyStart, line.grant, accountBytes, principalAndSources);
            if (line.direct) {
                line.sources.add(directSource);
            }
            line.sources.sort(SOURCE_ORDER);
            for (int i = 0; i < line.sources.size(); i++) {
                if (i > 0) {
                    out.append((byte) ',');
                }
                out.append(line.sources.get(i).json);
            }
            boolean revocable = GrantRules.revocable(line.direct, account.platformManaged(), line.managedElsewhere);
            out.append(revocable ? REVOCABLE : NOT_REVOCABLE);
        }
        return new Written(
                lines.size(),
                SnapshotKeys.grantOfAccount(accountId, lines.get(0).grant.idPrefix + accountId),
                SnapshotKeys.grantOfAccount(accountId, lines.get(lines.size() - 1).grant.idPrefix + accountId));
    }

    /** The line of the grant the account holds on this role's logical role, named as the last copy of it seen. */
    private Line holdRole(List<Line> lines, Map<UUID, Line> byRoot, GrantRules.Role role) {
        GrantJson grant = grantOf(role);
        Line line = byRoot.get(role.rootId());
        if (line == null) {
            line = new Line(grant);
            byRoot.put(role.rootId(), line);
            lines.add(line);
        }
        line.grant = grant;
        return line;
    }

    /** The line of the grant the account holds on this field security profile. */
    private Line holdProfile(List<Line> lines, Map<UUID, Line> byId, GrantRules.Profile profile) {
        Line line = byId.get(profile.id());
        if (line == null) {
            GrantJson grant = profileGrants.get(profile);
            if (grant == null) {
                throw new IllegalArgumentException("profile " + profile + " was not among the profiles given");
            }
            line = new Line(grant);
            byId.put(profile.id(), line);
            lines.add(line);
        }
        return line;
    }

    /**
     * The key {@code 4|a|{account}|{grant id}} and its line break; the line up to its sources:
     * {@code {"kind":"grant","id":"{grant id}","resource":…,"principal":…,"sources":[}.
     */
    private static void start(
            LineBuffer out,
            LineBuffer keys,
            byte[] keyStart,
            GrantJson grant,
            byte[] accountId,
            byte[] principalAndSources) {
        keys.append(keyStart);
        keys.append(grant.id);
        keys.append(accountId);
        keys.append((byte) '\n');
        out.append(KIND_AND_ID);
        out.append(grant.id);
        out.append(accountId);
        out.append(grant.resource);
        out.append(principalAndSources);
    }

    /**
     * {@code {"type":"account","id":"…","displayName":"…"},"sources":[}, as Jackson writes the principal {@link
     * Grant.Ref}: the name escaped by Jackson's own string encoder, without a generator per account.
     */
    private static byte[] principalAndSources(String accountId, @Nullable String displayName) {
        String start =
                "{\"type\":\"" + GrantRules.ACCOUNT_PRINCIPAL_TYPE + "\",\"id\":\"" + accountId + "\",\"displayName\":";
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
        return new GrantJson(GrantRules.roleOfAccount(role), json);
    }

    private GrantJson profileGrant(GrantRules.Profile profile) {
        return new GrantJson(GrantRules.profileOfAccount(profile), json);
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
     * The fixed parts of the grants of one role or team to accounts: the id up to the account's id, and the JSON from
     * the end of the id to the principal ({@code ","resource":{…},"entitlement":"…","principal":}).
     */
    private static final class GrantJson {
        final String idPrefix;
        final byte[] id;
        final byte[] resource;

        GrantJson(GrantRules.Stem stem, JsonMapper json) {
            this.idPrefix = stem.idPrefix();
            this.id = ascii(idPrefix);
            this.resource = concat(
                    concat(ascii("\",\"resource\":"), json.writeValueAsBytes(stem.resource())),
                    concat(
                            ascii(",\"entitlement\":"),
                            concat(json.writeValueAsBytes(stem.entitlement()), ascii(",\"principal\":"))));
        }
    }

    /** The lines one account's grants were written as: how many, and the first and last keys. */
    record Written(int count, String firstKey, String lastKey) {}

    /** One grant of the account being put together: what it is on, and why it is held. */
    private static final class Line {
        GrantJson grant;
        boolean direct;
        boolean managedElsewhere;
        final List<SourceJson> sources = new ArrayList<>(3);

        Line(GrantJson grant) {
            this.grant = grant;
        }

        /**
         * Adds a team's source once: each team is met once, so a repeat can only be the source just added (two
         * copies of one logical role held by the same team).
         */
        void addSource(SourceJson source) {
            if (sources.isEmpty() || sources.get(sources.size() - 1) != source) {
                sources.add(source);
            }
        }
    }

    /** A source of a grant and its JSON, rendered once. */
    private static final class SourceJson {
        final Grant.Source value;
        final byte[] json;

        SourceJson(Grant.Source value, JsonMapper json) {
            this.value = value;
            this.json = json.writeValueAsBytes(value);
        }
    }

    /** A team's JSON as a grant's resource and as a grant's source, rendered once. */
    private static final class TeamJson {
        final boolean membershipManagedElsewhere;
        final GrantJson membership;
        final SourceJson source;

        TeamJson(GrantRules.Team team, JsonMapper json) {
            this.membershipManagedElsewhere = team.membershipManagedElsewhere();
            this.membership = new GrantJson(GrantRules.membershipOf(team), json);
            this.source = new SourceJson(Grant.Source.team(team.id().toString(), team.name()), json);
        }
    }
}
