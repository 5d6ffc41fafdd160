package io.accessgov.dynamics.dataverse;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.dataverse.internal.ODataFilter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AccountClassifierTest {

    private static final UUID PLATFORM_APP = UUID.fromString("11111111-0000-0000-0000-000000000001");
    private static final UUID CUSTOMER_APP = UUID.fromString("22222222-0000-0000-0000-000000000002");
    private static final UUID OBJECT_ID = UUID.fromString("33333333-0000-0000-0000-000000000003");

    private final AccountClassifier classifier = new AccountClassifier(Set.of(PLATFORM_APP));

    static List<Arguments> cases() {
        return List.of(
                Arguments.of(
                        "built-in SYSTEM",
                        user("SYSTEM", null, AccessMode.READ_WRITE, null, null, false, 0, null),
                        AccountType.SYSTEM),
                Arguments.of(
                        "built-in system, any case",
                        user("system", null, AccessMode.READ_WRITE, null, null, false, 0, null),
                        AccountType.SYSTEM),
                Arguments.of(
                        "built-in INTEGRATION",
                        user("INTEGRATION", null, AccessMode.READ_WRITE, null, null, false, 0, null),
                        AccountType.SYSTEM),
                Arguments.of(
                        "a person called System",
                        user("SYSTEM", "s@contoso.com", AccessMode.READ_WRITE, OBJECT_ID, null, false, 0, null),
                        AccountType.HUMAN),
                Arguments.of(
                        "support user",
                        user("Support", "crmoln@microsoft.com", AccessMode.SUPPORT_USER, null, null, false, 0, null),
                        AccountType.SYSTEM),
                Arguments.of(
                        "delegated admin",
                        user(
                                "Delegated",
                                "crmoln2@microsoft.com",
                                AccessMode.DELEGATED_ADMIN,
                                null,
                                null,
                                false,
                                0,
                                null),
                        AccountType.SYSTEM),
                Arguments.of(
                        "stub user",
                        user("Stub", "stub@contoso.com", AccessMode.READ_WRITE, null, null, false, 2, null),
                        AccountType.SYSTEM),
                Arguments.of(
                        "Microsoft app user",
                        user(
                                "# bap",
                                "bap_sa@microsoft.com",
                                AccessMode.NON_INTERACTIVE,
                                OBJECT_ID,
                                CUSTOMER_APP,
                                false,
                                0,
                                null),
                        AccountType.SYSTEM),
                Arguments.of(
                        "Microsoft app user, upper case",
                        user(
                                "# MS",
                                "Project@MICROSOFT.com",
                                AccessMode.NON_INTERACTIVE,
                                OBJECT_ID,
                                CUSTOMER_APP,
                                false,
                                0,
                                null),
                        AccountType.SYSTEM),
                Arguments.of(
                        "onmicrosoft.com app user",
                        user(
                                "# CAP",
                                "CAPPackageDeployerServiceDVClient@onmicrosoft.com",
                                AccessMode.NON_INTERACTIVE,
                                OBJECT_ID,
                                CUSTOMER_APP,
                                false,
                                0,
                                null),
                        AccountType.SYSTEM),
                Arguments.of(
                        "tenant onmicrosoft.com app user",
                        user(
                                "# Ours",
                                "app@contoso.onmicrosoft.com",
                                AccessMode.NON_INTERACTIVE,
                                OBJECT_ID,
                                CUSTOMER_APP,
                                false,
                                0,
                                null),
                        AccountType.SERVICE),
                Arguments.of(
                        "look-alike domain",
                        user(
                                "# Fake",
                                "x@microsoft.com.evil.example",
                                AccessMode.NON_INTERACTIVE,
                                OBJECT_ID,
                                CUSTOMER_APP,
                                false,
                                0,
                                null),
                        AccountType.SERVICE),
                Arguments.of(
                        "listed platform application",
                        user(
                                "# Listed",
                                "app@contoso.com",
                                AccessMode.NON_INTERACTIVE,
                                OBJECT_ID,
                                PLATFORM_APP,
                                false,
                                0,
                                null),
                        AccountType.SYSTEM),
                Arguments.of(
                        "customer app user",
                        user(
                                "# Sync",
                                "sync@contoso.com",
                                AccessMode.NON_INTERACTIVE,
                                OBJECT_ID,
                                CUSTOMER_APP,
                                false,
                                0,
                                null),
                        AccountType.SERVICE),
                Arguments.of(
                        "app user without domain",
                        user("# NoDomain", null, AccessMode.READ_WRITE, OBJECT_ID, CUSTOMER_APP, false, null, null),
                        AccountType.SERVICE),
                Arguments.of(
                        "non-interactive user",
                        user("Batch", "batch@contoso.com", AccessMode.NON_INTERACTIVE, OBJECT_ID, null, false, 0, null),
                        AccountType.SERVICE),
                Arguments.of(
                        "integration-mode user",
                        user("Integr", "int@contoso.com", AccessMode.READ_WRITE, OBJECT_ID, null, true, 0, null),
                        AccountType.SERVICE),
                Arguments.of(
                        "person",
                        user("Jane Doe", "jane@contoso.com", AccessMode.READ_WRITE, OBJECT_ID, null, false, 0, null),
                        AccountType.HUMAN),
                Arguments.of(
                        "Microsoft employee as a person",
                        user("Sam", "sam@microsoft.com", AccessMode.READ_WRITE, OBJECT_ID, null, false, 0, null),
                        AccountType.HUMAN),
                Arguments.of(
                        "administrative person",
                        user("Admin", "admin@contoso.com", AccessMode.ADMINISTRATIVE, OBJECT_ID, null, false, 0, null),
                        AccountType.HUMAN),
                Arguments.of(
                        "read-only person",
                        user("Reader", "r@contoso.com", AccessMode.READ, OBJECT_ID, null, false, 0, null),
                        AccountType.HUMAN),
                Arguments.of(
                        "person with null columns",
                        user(null, null, AccessMode.READ_WRITE, null, null, false, null, null),
                        AccountType.HUMAN),
                Arguments.of(
                        "person with wildcard name",
                        user("50%_[x]", "w_x%@contoso.com", AccessMode.READ_WRITE, OBJECT_ID, null, false, 0, null),
                        AccountType.HUMAN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void classifiesInJava(String name, SystemUser user, AccountType expected) {
        assertThat(classifier.classify(user)).isEqualTo(expected);
        assertThat(classifier.isPlatformManaged(user)).isEqualTo(expected == AccountType.SYSTEM);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theDataverseFilterAgreesWithTheJavaRuleForEverySetOfTypes(String name, SystemUser user, AccountType expected) {
        for (Set<AccountType> types : allNonEmptySets()) {
            boolean matches = evaluate(classifier.filterFor(types), row(user), column -> true);
            assertThat(matches).as("%s with %s", name, types).isEqualTo(types.contains(expected));
        }
    }

    @Test
    void theFilterStillAgreesWhereOptionalColumnsAreMissing() {
        Predicate<String> older =
                column -> !column.equals("systemmanagedusertype") && !column.equals("isintegrationuser");
        for (Arguments arguments : cases()) {
            SystemUser user = (SystemUser) arguments.get()[1];
            if ((user.systemManagedUserType() != null && user.systemManagedUserType() != 0) || user.integrationUser()) {
                continue; // such a row cannot exist on a platform without those columns
            }
            for (Set<AccountType> types : allNonEmptySets()) {
                boolean matches = evaluate(classifier.filterFor(types).simplify(older), row(user), older);
                assertThat(matches)
                        .as("%s with %s", arguments.get()[0], types)
                        .isEqualTo(types.contains(classifier.classify(user)));
            }
        }
    }

    @Test
    void allTypesNeedNoFilter() {
        assertThat(classifier.filterFor(EnumSet.allOf(AccountType.class)).render())
                .isNull();
    }

    private static List<Set<AccountType>> allNonEmptySets() {
        List<Set<AccountType>> sets = new ArrayList<>();
        AccountType[] all = AccountType.values();
        for (int mask = 1; mask < 1 << all.length; mask++) {
            Set<AccountType> set = EnumSet.noneOf(AccountType.class);
            for (int i = 0; i < all.length; i++) {
                if ((mask & 1 << i) != 0) {
                    set.add(all[i]);
                }
            }
            sets.add(set);
        }
        return sets;
    }

    /**
     * Evaluates a filter the way Dataverse's SQL does: a comparison with a null column is not true (except
     * {@code eq null}), nor is a string function or its negation on a null column; strings compare case-insensitively;
     * bracketed wildcards match themselves.
     */
    static boolean evaluate(ODataFilter filter, Map<String, Object> row, Predicate<String> available) {
        if (filter instanceof ODataFilter.Constant constant) {
            return constant.value();
        }
        if (filter instanceof ODataFilter.Junction junction) {
            boolean and = junction.operator().equals("and");
            for (ODataFilter part : junction.parts()) {
                if (evaluate(part, row, available) != and) {
                    return !and;
                }
            }
            return and;
        }
        if (filter instanceof ODataFilter.Not not) {
            Object value = row.get(not.part().column());
            return value != null && !evaluate(not.part(), row, available);
        }
        if (filter instanceof ODataFilter.StringFunction function) {
            assertThat(available.test(function.column())).isTrue();
            Object value = row.get(function.column());
            if (value == null) {
                return false;
            }
            String text = value.toString().toLowerCase(Locale.ROOT);
            String argument = function.argument().toLowerCase(Locale.ROOT);
            return switch (function.function()) {
                case "contains" -> text.contains(argument);
                case "startswith" -> text.startsWith(argument);
                case "endswith" -> text.endsWith(argument);
                default -> throw new IllegalStateException(function.function());
            };
        }
        ODataFilter.Comparison comparison = (ODataFilter.Comparison) filter;
        assertThat(available.test(comparison.column())).as(comparison.column()).isTrue();
        Object value = row.get(comparison.column());
        Object expected = comparison.value();
        if (expected == null) {
            return comparison.operator().equals("eq") == (value == null);
        }
        if (value == null) {
            return false;
        }
        boolean equal =
                value instanceof String text ? text.equalsIgnoreCase((String) expected) : value.equals(expected);
        return comparison.operator().equals("eq") == equal;
    }

    private static Map<String, Object> row(SystemUser user) {
        Map<String, Object> row = new HashMap<>();
        row.put("fullname", user.fullName());
        row.put("domainname", user.domainName());
        row.put("azureactivedirectoryobjectid", user.entraObjectId());
        row.put("applicationid", user.applicationId());
        row.put("accessmode", user.accessMode().ordinal());
        row.put("systemmanagedusertype", user.systemManagedUserType());
        row.put("isintegrationuser", user.integrationUser());
        return row;
    }

    private static SystemUser user(
            @Nullable String fullName,
            @Nullable String domain,
            AccessMode mode,
            @Nullable UUID objectId,
            @Nullable UUID applicationId,
            boolean integration,
            @Nullable Integer managedType,
            @Nullable String title) {
        return new SystemUser(
                UUID.randomUUID(),
                fullName,
                null,
                null,
                domain,
                domain,
                false,
                mode,
                objectId,
                applicationId,
                UUID.randomUUID(),
                "Contoso",
                true,
                true,
                integration,
                0,
                managedType,
                title,
                null,
                null);
    }
}
