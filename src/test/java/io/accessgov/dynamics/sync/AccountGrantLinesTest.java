package io.accessgov.dynamics.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessgov.dynamics.grant.Grant;
import io.accessgov.dynamics.grant.GrantRules;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sync renders each account's grants itself; these must be the very lines the grants API's rules
 * ({@link GrantRules#ofAccount}) give when Jackson writes them, byte for byte. Both take ids, entitlements, source
 * order and revocability from {@link GrantRules}: a change there shows in both renderings alike, so the comparison
 * still holds while the grants API's own tests see the change.
 */
class AccountGrantLinesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Names that need escaping, differ only by case, are not ASCII, or are missing. */
    private static final List<String> AWKWARD_NAMES = List.of(
            "Sales",
            "sales",
            "O'Brien \"the\" Admin",
            "back\\slash",
            "tab\tand\nnewline",
            "Zoë Ångström",
            "日本語チーム",
            "emoji 🚀",
            "");

    @Test
    void everyAccountsLinesAreWhatTheGrantsApiRulesWriteByteForByte() {
        Random random = new Random(5);
        List<GrantRules.Role> copies = new ArrayList<>();
        for (int root = 0; root < 25; root++) {
            UUID rootId = UUID.randomUUID();
            String name = random.nextInt(6) == 0 ? null : name(random, "Role " + root);
            for (int copy = 0; copy < 1 + random.nextInt(3); copy++) {
                copies.add(new GrantRules.Role(rootId, name)); // every copy of a role carries its name
            }
        }
        List<GrantRules.Team> teams = new ArrayList<>();
        for (int t = 0; t < 40; t++) {
            List<GrantRules.Role> held = new ArrayList<>();
            for (int r = random.nextInt(4); r > 0; r--) {
                GrantRules.Role role = copies.get(random.nextInt(copies.size()));
                // now and then a team holds two copies of one role
                if (random.nextInt(5) == 0
                        || held.stream().noneMatch(h -> h.rootId().equals(role.rootId()))) {
                    held.add(role);
                }
            }
            String name = random.nextInt(8) == 0 ? null : name(random, "Team " + t);
            teams.add(new GrantRules.Team(UUID.randomUUID(), name, random.nextInt(4) == 0, held));
        }
        AccountGrantLines lines = new AccountGrantLines(JSON, copies, teams);

        int compared = 0;
        for (int a = 0; a < 400; a++) {
            GrantRules.Account account = new GrantRules.Account(
                    UUID.randomUUID(),
                    random.nextInt(10) == 0 ? null : name(random, "Person " + a),
                    random.nextInt(5) == 0);
            List<GrantRules.Role> direct = new ArrayList<>();
            for (int r = random.nextInt(5); r > 0; r--) {
                direct.add(copies.get(random.nextInt(copies.size()))); // two copies of one role may both be held
            }
            List<GrantRules.Team> memberOf = new ArrayList<>();
            // now and then an account is a member of nearly every team
            for (int t = a % 50 == 0 ? 3 * teams.size() : random.nextInt(6); t > 0; t--) {
                memberOf.add(teams.get(random.nextInt(teams.size()))); // a team may come twice
            }

            compared += assertSameLines(lines, account, direct, memberOf);
        }
        assertThat(compared).as("grants compared").isGreaterThan(1_000);
    }

    @Test
    void aRoleHeldDirectlyAndThroughTwoTeamsIsOneGrantWithDirectFirstThenTheTeamsByName() {
        GrantRules.Role auditor = new GrantRules.Role(UUID.randomUUID(), "Auditor");
        GrantRules.Team beta = new GrantRules.Team(UUID.randomUUID(), "beta", false, List.of(auditor));
        GrantRules.Team alpha = new GrantRules.Team(UUID.randomUUID(), "Alpha", true, List.of(auditor));
        AccountGrantLines lines = new AccountGrantLines(JSON, List.of(auditor), List.of(beta, alpha));
        GrantRules.Account person = new GrantRules.Account(UUID.randomUUID(), "Pat", false);

        String written = write(lines, person, List.of(auditor), List.of(beta, alpha));

        assertThat(written.lines()).hasSize(3);
        assertThat(written.lines().findFirst().orElseThrow())
                .contains("\"sources\":[{\"type\":\"direct\"},{\"type\":\"team\",\"id\":\"" + alpha.id()
                        + "\",\"displayName\":\"Alpha\"},{\"type\":\"team\",\"id\":\"" + beta.id()
                        + "\",\"displayName\":\"beta\"}],\"revocable\":true}");
        assertSameLines(lines, person, List.of(auditor), List.of(beta, alpha));
        assertSameLines(
                lines, new GrantRules.Account(UUID.randomUUID(), null, true), List.of(auditor), List.of(beta, alpha));
    }

    @Test
    void anAccountWithoutGrantsWritesNothing() {
        AccountGrantLines lines = new AccountGrantLines(JSON, List.of(), List.of());
        LineBuffer out = new LineBuffer(16);
        LineBuffer keys = new LineBuffer(16);

        AccountGrantLines.Written written = lines.write(
                new GrantRules.Account(UUID.randomUUID(), "Nobody", false), List.of(), List.of(), out, keys);

        assertThat(written.count()).isZero();
        assertThat(out.toByteArray()).isEmpty();
        assertThat(keys.toByteArray()).isEmpty();
    }

    @Test
    void aTeamOrRoleItWasNotGivenIsAFaultNotASilentGap() {
        AccountGrantLines lines = new AccountGrantLines(JSON, List.of(), List.of());
        GrantRules.Account account = new GrantRules.Account(UUID.randomUUID(), "A", false);
        GrantRules.Team stranger = new GrantRules.Team(UUID.randomUUID(), "Stranger", false, List.of());

        assertThatThrownBy(() ->
                        lines.write(account, List.of(), List.of(stranger), new LineBuffer(16), new LineBuffer(16)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(stranger.id().toString());
        assertThatThrownBy(() -> lines.write(
                        account,
                        List.of(new GrantRules.Role(UUID.randomUUID(), "R")),
                        List.of(),
                        new LineBuffer(16),
                        new LineBuffer(16)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int assertSameLines(
            AccountGrantLines lines,
            GrantRules.Account account,
            List<GrantRules.Role> direct,
            List<GrantRules.Team> memberOf) {
        List<Grant> grants = GrantRules.ofAccount(account, direct, memberOf);
        String accountId = account.id().toString();
        String expected = grants.stream()
                .map(grant -> SnapshotLine.exportLine(SnapshotLine.GRANT, JSON.writeValueAsString(grant)) + "\n")
                .collect(Collectors.joining());
        String expectedKeys = grants.stream()
                .map(grant -> SnapshotKeys.grantOfAccount(accountId, grant.id()) + "\n")
                .collect(Collectors.joining());
        LineBuffer out = new LineBuffer(16);
        LineBuffer keys = new LineBuffer(16);

        AccountGrantLines.Written written = lines.write(account, direct, memberOf, out, keys);

        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(new String(keys.toByteArray(), StandardCharsets.UTF_8)).isEqualTo(expectedKeys);
        assertThat(written.count()).isEqualTo(grants.size());
        if (!grants.isEmpty()) {
            assertThat(written.firstKey())
                    .isEqualTo(
                            SnapshotKeys.grantOfAccount(accountId, grants.get(0).id()));
            assertThat(written.lastKey())
                    .isEqualTo(SnapshotKeys.grantOfAccount(
                            accountId, grants.get(grants.size() - 1).id()));
            List<String> keyList = expectedKeys.lines().toList();
            List<String> lineList = expected.lines().toList();
            List<SnapshotLine> stored = java.util.stream.IntStream.range(0, keyList.size())
                    .mapToObj(i -> SnapshotLine.of(keyList.get(i), lineList.get(i)))
                    .toList();
            assertThat(stored).extracting(SnapshotLine::kind).containsOnly(SnapshotLine.GRANT);
            assertThat(stored)
                    .extracting(SnapshotLine::id)
                    .containsExactlyElementsOf(grants.stream().map(Grant::id).toList());
        }
        return grants.size();
    }

    private static String write(
            AccountGrantLines lines,
            GrantRules.Account account,
            List<GrantRules.Role> direct,
            List<GrantRules.Team> memberOf) {
        LineBuffer out = new LineBuffer(16);
        lines.write(account, direct, memberOf, out, new LineBuffer(16));
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    private static String name(Random random, String plain) {
        return random.nextInt(3) == 0 ? AWKWARD_NAMES.get(random.nextInt(AWKWARD_NAMES.size())) : plain;
    }
}
