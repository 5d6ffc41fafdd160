package io.accessgov.dynamics.scim;

import static io.accessgov.dynamics.scim.ScimDiscoveryEndToEndTest.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** SCIM Users equal the REST API's accounts and their roles its grants (docs/scim.md, the mapping table). */
class ScimUsersEndToEndTest {

    private static ScimService service;

    @BeforeAll
    static void start() {
        service = ScimService.open();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aUserFoundByUserNameIsTheRestAccountWithItsRoles() {
        JsonNode account = accountWithRoles();
        String userName = account.get("username").asString();

        JsonNode list = service.json("/scim/v2/Users?filter=" + encode("userName eq \"" + userName + "\""));

        assertThat(list.get("schemas").get(0).asString())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        assertThat(list.get("totalResults").asInt()).isEqualTo(1);
        JsonNode user = list.get("Resources").get(0);
        assertThat(user.get("id").asString()).isEqualTo(account.get("id").asString());
        assertThat(user.get("userName").asString()).isEqualTo(userName);
        assertThat(user.get("displayName").asString())
                .isEqualTo(account.get("displayName").asString());
        assertThat(user.at("/name/givenName").asString())
                .isEqualTo(account.get("firstName").asString());
        assertThat(user.at("/name/familyName").asString())
                .isEqualTo(account.get("lastName").asString());
        assertThat(user.at("/emails/0/value").asString())
                .isEqualTo(account.get("email").asString());
        assertThat(user.at("/emails/0/primary").asBoolean()).isTrue();
        assertThat(user.get("active").asBoolean())
                .isEqualTo(account.get("status").asString().equals("ENABLED"));
        assertThat(user.at("/" + ScimSchemas.ENTERPRISE_USER.replace("/", "~1") + "/department")
                        .asString())
                .isEqualTo(account.at("/businessUnit/name").asString());
        assertThat(user.at("/meta/resourceType").asString()).isEqualTo("User");
        assertThat(user.at("/meta/location").asString())
                .isEqualTo(
                        service.base() + "/scim/v2/Users/" + account.get("id").asString());
        assertThat(user.at("/meta/version").asString()).startsWith("W/\"");
        assertThat(roles(user)).isEqualTo(restRoles(account.get("id").asString()));
    }

    @Test
    void aUserFoundByExternalIdIsTheAccountWithThatEntraObjectId() {
        JsonNode account = accountWithRoles();
        String objectId = account.get("entraObjectId").asString();

        JsonNode list = service.json("/scim/v2/Users?filter=" + encode("externalId eq \"" + objectId + "\""));

        assertThat(list.get("totalResults").asInt()).isEqualTo(1);
        assertThat(list.at("/Resources/0/id").asString())
                .isEqualTo(account.get("id").asString());
        assertThat(list.at("/Resources/0/externalId").asString()).isEqualTo(objectId);
    }

    @Test
    void anExternalIdThatIsNoGuidMatchesNoOne() {
        JsonNode list = service.json("/scim/v2/Users?filter=" + encode("externalId eq \"not-a-guid\""));

        assertThat(list.get("totalResults").asInt()).isZero();
        assertThat(list.path("Resources").isEmpty()).isTrue();
    }

    @Test
    void aUserIsReadByIdWithItsVersionAsETag() {
        JsonNode account = accountWithRoles();
        var response = service.get("/scim/v2/Users/" + account.get("id").asString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode user = ScimService.parse(response.body());
        assertThat(response.headers().firstValue("ETag"))
                .hasValue(user.at("/meta/version").asString());
        assertThat(roles(user)).isEqualTo(restRoles(account.get("id").asString()));
        JsonNode listed = service.json("/scim/v2/Users?filter="
                        + encode("userName eq \"" + account.get("username").asString() + "\""))
                .at("/Resources/0");
        assertThat(listed.at("/meta/version").asString())
                .as("a version read from a list is good for If-Match")
                .isEqualTo(user.at("/meta/version").asString());
    }

    @Test
    void pagingWithStartIndexAndCountReadsEveryRestAccountOnce() {
        List<String> rest = new ArrayList<>();
        service.json("/api/v1/accounts?pageSize=1000")
                .get("items")
                .forEach(a -> rest.add(a.get("id").asString()));

        List<String> scim = new ArrayList<>();
        int startIndex = 1;
        int total;
        do {
            JsonNode page = service.json("/scim/v2/Users?attributes=userName&count=7&startIndex=" + startIndex);
            total = page.get("totalResults").asInt();
            assertThat(page.get("startIndex").asInt()).isEqualTo(startIndex);
            page.path("Resources").forEach(user -> {
                scim.add(user.get("id").asString());
                assertThat(user.has("roles")).isFalse();
                assertThat(user.has("displayName")).isFalse();
            });
            startIndex += page.get("itemsPerPage").asInt();
        } while (startIndex <= total);

        assertThat(total).isEqualTo(rest.size());
        assertThat(scim).containsExactlyElementsOf(rest);
    }

    @Test
    void aPageOfUsersCarriesEveryonesRolesReadTogether() {
        service.json("/scim/v2/Users?count=30"); // the list's total is counted once; not the question here
        service.contoso.requests().clear();

        JsonNode page = service.json("/scim/v2/Users?count=30");
        int requests = service.contoso.requests().dataverse().size();

        assertThat(page.get("Resources").size()).isEqualTo(30);
        page.get("Resources").forEach(user -> assertThat(roles(user))
                .as(user.get("userName").asString())
                .isEqualTo(restRoles(user.get("id").asString())));
        assertThat(requests)
                .as("a few requests for the whole page, not a few per user")
                .isLessThanOrEqualTo(10);
    }

    @Test
    void displayNameContainsAndActiveAreEvaluatedByDataverse() {
        JsonNode list =
                service.json("/scim/v2/Users?count=1000&filter=" + encode("displayName co \"a\" and active eq false"));

        List<String> expected = new ArrayList<>();
        service.json("/api/v1/accounts?status=DISABLED&pageSize=1000")
                .get("items")
                .forEach(account -> {
                    if (account.get("displayName").asString().toLowerCase().contains("a")) {
                        expected.add(account.get("id").asString());
                    }
                });
        List<String> found = new ArrayList<>();
        list.path("Resources").forEach(user -> found.add(user.get("id").asString()));
        assertThat(found).containsExactlyElementsOf(expected);
        assertThat(list.get("totalResults").asInt()).isEqualTo(expected.size());
    }

    @Test
    void excludedAttributesLeaveOutRolesAndTheExtension() {
        JsonNode user = service.json("/scim/v2/Users?count=1&excludedAttributes=roles," + ScimSchemas.ENTERPRISE_USER
                        + ":department")
                .at("/Resources/0");

        assertThat(user.has("roles")).isFalse();
        assertThat(user.has("userName")).isTrue();
        assertThat(user.has("id")).isTrue();
        assertThat(user.path(ScimSchemas.ENTERPRISE_USER).has("department")).isFalse();
        assertThat(user.path(ScimSchemas.ENTERPRISE_USER).has("organization")).isTrue();
    }

    @Test
    void theEnvironmentsRootAnswersFromThatEnvironment() {
        JsonNode sandboxAccount =
                service.json("/api/v1/environments/sandbox/accounts?pageSize=1").at("/items/0");

        JsonNode user = service.json("/scim/v2/environments/sandbox/Users/"
                + sandboxAccount.get("id").asString());

        assertThat(user.get("userName").asString())
                .isEqualTo(sandboxAccount.get("username").asString());
        assertThat(user.at("/meta/location").asString())
                .startsWith(service.base() + "/scim/v2/environments/sandbox/Users/");
        assertScimError(service.get("/scim/v2/Users/" + sandboxAccount.get("id").asString()), 404, null);
    }

    @Test
    void filtersThisServiceDoesNotUnderstandAreInvalidFilters() {
        assertScimError(
                service.get("/scim/v2/Users?filter=" + encode("emails.value eq \"a@b.c\"")), 400, "invalidFilter");
        assertScimError(service.get("/scim/v2/Users?filter=" + encode("userName sw \"a\"")), 400, "invalidFilter");
        assertScimError(service.get("/scim/v2/Users?filter=" + encode("userName eq")), 400, "invalidFilter");
        assertScimError(service.get("/scim/v2/Users?filter=" + encode("nickName eq \"x\"")), 400, "invalidFilter");
        assertScimError(service.get("/scim/v2/Users?filter=" + encode("active eq \"yes\"")), 400, "invalidFilter");
    }

    @Test
    void creatingAndDeletingUsersIsNotOffered() {
        assertScimError(service.send("POST", "/scim/v2/Users", "{\"userName\":\"x\"}", null), 501, null);
        var deleted = service.send(
                "DELETE", "/scim/v2/Users/" + accountWithRoles().get("id").asString(), null, null);
        assertScimError(deleted, 405, null);
        assertThat(deleted.headers().firstValue("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("PATCH"));
    }

    @Test
    void anUnknownUserIsASCIMNotFound() {
        assertScimError(service.get("/scim/v2/Users/00000000-0000-4000-8000-000000000000"), 404, null);
        assertScimError(service.get("/scim/v2/Users/nobody"), 404, null);
    }

    /** A human account of the demo organisation holding a role directly and another through a team. */
    static JsonNode accountWithRoles() {
        return accountWithRoles(service);
    }

    static JsonNode accountWithRoles(ScimService service) {
        for (JsonNode account : service.json("/api/v1/accounts?pageSize=1000").get("items")) {
            Map<String, String> roles = restRoles(service, account.get("id").asString());
            if (roles.containsValue("direct")
                    && roles.containsValue("inherited")
                    && !account.get("entraObjectId").isNull()) {
                return account;
            }
        }
        throw new AssertionError("the demo organisation has an account with direct and inherited roles");
    }

    /** Role id → direct or inherited, from the REST API's grants. */
    static Map<String, String> restRoles(String accountId) {
        return restRoles(service, accountId);
    }

    static Map<String, String> restRoles(ScimService service, String accountId) {
        Map<String, String> roles = new HashMap<>();
        service.json("/api/v1/grants?principalType=account&pageSize=1000&principalId=" + accountId)
                .get("items")
                .forEach(grant -> {
                    if (grant.at("/resource/type").asString().equals("role")) {
                        boolean direct = false;
                        for (JsonNode source : grant.get("sources")) {
                            direct |= source.get("type").asString().equals("direct");
                        }
                        roles.put(grant.at("/resource/id").asString(), direct ? "direct" : "inherited");
                    }
                });
        return roles;
    }

    static Map<String, String> roles(JsonNode user) {
        Map<String, String> roles = new HashMap<>();
        user.path("roles")
                .forEach(role ->
                        roles.put(role.get("value").asString(), role.get("type").asString()));
        return roles;
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
