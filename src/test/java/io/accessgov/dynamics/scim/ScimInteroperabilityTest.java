package io.accessgov.dynamics.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ForbiddenException;
import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.exceptions.UnauthorizedException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.Role;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.UserResource;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.glassfish.jersey.apache5.connector.Apache5ConnectorProvider;
import org.glassfish.jersey.client.ClientConfig;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An independent SCIM client, UnboundID's SCIM 2 SDK client over Jersey, runs the call sequences of identity platforms
 * (SailPoint, Okta, Entra provisioning, ConductorOne) against the service on the simulated Dataverse, with bearer
 * tokens from an independent OAuth2 server: discovery, lookups by userName and externalId, paging through every user,
 * groups with and without members, PATCH of members and roles, a stale If-Match, and errors.
 */
class ScimInteroperabilityTest {

    private static final String AUDIENCE = "api://dynamics365-connector";

    private static MockOAuth2Server issuer;
    private static io.accessgov.dynamics.scim.ScimService service;
    private static Client jersey;

    @BeforeAll
    static void start() throws UnknownHostException {
        issuer = new MockOAuth2Server();
        issuer.start(InetAddress.getByName("127.0.0.1"), 0);
        service = io.accessgov.dynamics.scim.ScimService.start(List.of(
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer.issuerUrl("entra"),
                "--spring.security.oauth2.resourceserver.jwt.audiences=" + AUDIENCE));
        // Jersey's default connector cannot send PATCH; Apache HttpClient 5 can
        jersey = ClientBuilder.newClient(new ClientConfig().connectorProvider(new Apache5ConnectorProvider()));
    }

    @AfterAll
    static void stop() {
        jersey.close();
        service.close();
        issuer.shutdown();
    }

    private static String token(String scopes) {
        return issuer.issueToken("entra", "identity-platform", AUDIENCE, Map.of("scp", scopes), 3600)
                .serialize();
    }

    /** A SCIM client at this root whose requests carry this token (or none). */
    private static ScimService client(String root, @Nullable String token) {
        var target = jersey.target(service.base() + root);
        if (token != null) {
            target = target.register((ClientRequestFilter)
                    request -> request.getHeaders().putSingle("Authorization", "Bearer " + token));
        }
        return new ScimService(target);
    }

    private static ScimService reader() {
        return client("/scim/v2", token("dynamics.read"));
    }

    private static ScimService writer() {
        return client("/scim/v2", token("dynamics.read dynamics.write"));
    }

    @Test
    void discoveryDocumentsAreValidAndConsistent() throws ScimException {
        ScimService scim = reader();

        ServiceProviderConfigResource config = scim.getServiceProviderConfig();
        ListResponse<ResourceTypeResource> types = scim.getResourceTypes();
        ListResponse<SchemaResource> schemas = scim.getSchemas();

        assertThat(config.getPatch().isSupported()).isTrue();
        assertThat(config.getFilter().isSupported()).isTrue();
        assertThat(config.getFilter().getMaxResults()).isEqualTo(1000);
        assertThat(config.getBulk().isSupported()).isFalse();
        assertThat(config.getSort().isSupported()).isFalse();
        assertThat(config.getEtag().isSupported()).isTrue();
        assertThat(config.getChangePassword().isSupported()).isFalse();
        assertThat(config.getAuthenticationSchemes())
                .extracting(scheme -> scheme.getType())
                .containsExactly("oauthbearertoken");
        Set<String> schemaIds = new HashSet<>();
        schemas.forEach(schema -> schemaIds.add(schema.getId()));
        for (ResourceTypeResource type : types) {
            assertThat(schemaIds).contains(type.getSchema().toString());
            if (type.getSchemaExtensions() != null) {
                type.getSchemaExtensions().forEach(extension -> assertThat(schemaIds)
                        .contains(extension.getSchema().toString()));
            }
            assertThat(scim.getResourceType(type.getName()).getEndpoint()).isEqualTo(type.getEndpoint());
        }
        assertThat(types.getTotalResults()).isEqualTo(2);
        assertThat(scim.getSchema(ScimSchemas.USER).getAttributes())
                .extracting(attribute -> attribute.getName())
                .contains("userName", "name", "displayName", "emails", "active", "title", "roles");
    }

    @Test
    void entraLooksUpUsersByUserNameAndByExternalId() throws ScimException {
        ScimService scim = reader();
        UserResource any = scim.searchRequest("Users")
                .page(1, 1)
                .invoke(UserResource.class)
                .getResources()
                .get(0);

        ListResponse<UserResource> byUserName = scim.searchRequest("Users")
                .filter("userName eq \"" + any.getUserName() + "\"")
                .invoke(UserResource.class);
        ListResponse<UserResource> byExternalId = scim.searchRequest("Users")
                .filter("externalId eq \"" + any.getExternalId() + "\"")
                .invoke(UserResource.class);
        ListResponse<UserResource> nobody = scim.searchRequest("Users")
                .filter("userName eq \"nobody@nowhere.example\"")
                .invoke(UserResource.class);

        assertThat(byUserName.getTotalResults()).isEqualTo(1);
        assertThat(byUserName.getResources().get(0).getId()).isEqualTo(any.getId());
        assertThat(byExternalId.getResources()).extracting(UserResource::getId).containsExactly(any.getId());
        assertThat(nobody.getTotalResults()).isZero();
        UserResource retrieved = scim.retrieve("Users", any.getId(), UserResource.class);
        assertThat(retrieved.getUserName()).isEqualTo(any.getUserName());
        assertThat(retrieved.getMeta().getVersion()).startsWith("W/\"");
    }

    @Test
    void sailPointPagesThroughEveryUserOnce() throws ScimException {
        ScimService scim = reader();
        List<String> ids = new ArrayList<>();
        int startIndex = 1;
        int total;
        do {
            ListResponse<UserResource> page = scim.searchRequest("Users")
                    .excludedAttributes("roles")
                    .page(startIndex, 25)
                    .invoke(UserResource.class);
            total = page.getTotalResults();
            page.getResources().forEach(user -> ids.add(user.getId()));
            startIndex += page.getItemsPerPage();
        } while (startIndex <= total && startIndex < 10_000);

        List<String> rest = new ArrayList<>();
        restJson("/api/v1/accounts?pageSize=1000")
                .get("items")
                .forEach(account -> rest.add(account.get("id").asString()));
        assertThat(total).isEqualTo(rest.size());
        assertThat(ids).containsExactlyElementsOf(rest);
    }

    @Test
    void groupsComeWithMembersUnlessExcluded() throws ScimException {
        ScimService scim = reader();

        ListResponse<GroupResource> withMembers =
                scim.searchRequest("Groups").page(1, 1000).invoke(GroupResource.class);
        ListResponse<GroupResource> withoutMembers = scim.searchRequest("Groups")
                .excludedAttributes("members")
                .page(1, 1000)
                .invoke(GroupResource.class);

        assertThat(withMembers.getResources())
                .anySatisfy(group -> assertThat(group.getMembers()).isNotEmpty());
        assertThat(withoutMembers.getResources())
                .allSatisfy(group -> assertThat(group.getMembers()).isNull());
        assertThat(withoutMembers.getResources())
                .extracting(GroupResource::getId)
                .containsExactlyElementsOf(withMembers.getResources().stream()
                        .map(GroupResource::getId)
                        .toList());
        GroupResource byName = scim.searchRequest("Groups")
                .filter("displayName eq \"" + withMembers.getResources().get(0).getDisplayName() + "\"")
                .invoke(GroupResource.class)
                .getResources()
                .get(0);
        assertThat(byName.getId()).isEqualTo(withMembers.getResources().get(0).getId());
    }

    @Test
    void conductorOneAddsAndRemovesAMemberWithPatch() throws ScimException {
        ScimService scim = writer();
        String team = restTeam("DATAVERSE");
        String account = restHumanOutside(team);

        GroupResource added = scim.modifyRequest("Groups", team)
                .addValues("members", new Member().setValue(account))
                .invoke(GroupResource.class);
        assertThat(added.getMembers()).extracting(Member::getValue).contains(account);

        GroupResource removed = scim.modifyRequest("Groups", team)
                .removeValues("members[value eq \"" + account + "\"]")
                .invoke(GroupResource.class);
        assertThat(removed.getMembers()).extracting(Member::getValue).doesNotContain(account);
    }

    @Test
    void oktaAssignsAndRemovesARoleWithPatch() throws ScimException {
        ScimService scim = writer();
        UserResource user = scim.searchRequest("Users")
                .filter("active eq true")
                .page(1, 1)
                .invoke(UserResource.class)
                .getResources()
                .get(0);
        String role = restRoleInUnitOf(user.getId());

        UserResource assigned = scim.modifyRequest("Users", user.getId())
                .addValues("roles", new Role().setValue(role))
                .invoke(UserResource.class);
        assertThat(assigned.getRoles()).anySatisfy(held -> assertThat(held.getValue() + " " + held.getType())
                .isEqualTo(role + " direct"));

        UserResource revoked = scim.modifyRequest("Users", user.getId())
                .removeValues("roles[value eq \"" + role + "\"]")
                .invoke(UserResource.class);
        assertThat(revoked.getRoles() == null ? List.<Role>of() : revoked.getRoles())
                .extracting(Role::getValue)
                .doesNotContain(role);
    }

    @Test
    void aStaleIfMatchIsPreconditionFailed() throws ScimException {
        ScimService scim = writer();
        String team = restTeam("DATAVERSE");
        GroupResource before = scim.retrieve("Groups", team, GroupResource.class);
        String account = restHumanOutside(team);
        scim.modifyRequest("Groups", team)
                .ifMatch(before.getMeta().getVersion())
                .addValues("members", new Member().setValue(account))
                .invoke(GroupResource.class);

        assertThatThrownBy(() -> scim.modifyRequest("Groups", team)
                        .ifMatch(before.getMeta().getVersion())
                        .removeValues("members[value eq \"" + account + "\"]")
                        .invoke(GroupResource.class))
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(scim.retrieve("Groups", team, GroupResource.class).getMembers())
                .extracting(Member::getValue)
                .contains(account);
    }

    @Test
    void refusalsArriveAsScimErrors() {
        ScimService scim = writer();
        String defaultTeam = restTeam("BUSINESS_UNIT");
        String account = restHumanOutside(defaultTeam);

        assertThatThrownBy(() ->
                        scim.searchRequest("Users").filter("nickName eq \"x\"").invoke(UserResource.class))
                .isInstanceOfSatisfying(
                        BadRequestException.class,
                        e -> assertThat(e.getScimError().getScimType()).isEqualTo("invalidFilter"));
        assertThatThrownBy(() -> scim.modifyRequest("Groups", defaultTeam)
                        .addValues("members", new Member().setValue(account))
                        .invoke(GroupResource.class))
                .isInstanceOf(ResourceConflictException.class);
        assertThatThrownBy(() -> scim.retrieve("Users", "00000000-0000-4000-8000-000000000000", UserResource.class))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> client("/scim/v2/environments/nowhere", token("dynamics.read"))
                        .getServiceProviderConfig())
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void tokensAndScopesAreTheRestApis() {
        String team = restTeam("DATAVERSE");
        String account = restHumanOutside(team);

        assertThatThrownBy(() -> client("/scim/v2", null).getServiceProviderConfig())
                .isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> reader().modifyRequest("Groups", team)
                        .addValues("members", new Member().setValue(account))
                        .invoke(GroupResource.class))
                .isInstanceOfSatisfying(
                        ForbiddenException.class,
                        e -> assertThat(e.getScimError().getDetail()).contains("dynamics.write"));
    }

    // The REST API, as the reference the SCIM answers must equal

    private static JsonNode restJson(String path) {
        var response = service.send("GET", path, null, null, "Authorization", "Bearer " + token("dynamics.read"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return io.accessgov.dynamics.scim.ScimService.parse(response.body());
    }

    private static String restTeam(String membershipManagedBy) {
        for (JsonNode team : restJson("/api/v1/teams?pageSize=1000").get("items")) {
            if (team.get("membershipManagedBy").asString().equals(membershipManagedBy)
                    && team.get("type").asString().equals("OWNER")) {
                return team.get("id").asString();
            }
        }
        throw new AssertionError("a team whose membership is managed by " + membershipManagedBy);
    }

    private static String restHumanOutside(String team) {
        Set<String> members = new HashSet<>();
        restJson("/api/v1/grants?resourceType=team&pageSize=1000&resourceId=" + team)
                .get("items")
                .forEach(grant -> members.add(grant.at("/principal/id").asString()));
        for (JsonNode account : restJson("/api/v1/accounts?status=ENABLED&accountType=HUMAN&pageSize=1000")
                .get("items")) {
            if (!members.contains(account.get("id").asString())) {
                return account.get("id").asString();
            }
        }
        throw new AssertionError("an enabled human outside the team");
    }

    private static String restRoleInUnitOf(String account) {
        Set<String> held = new HashSet<>();
        restJson("/api/v1/grants?principalType=account&pageSize=1000&principalId=" + account)
                .get("items")
                .forEach(grant -> held.add(grant.at("/resource/id").asString()));
        String unit =
                restJson("/api/v1/accounts/" + account).at("/businessUnit/id").asString();
        for (JsonNode role : restJson("/api/v1/roles?pageSize=1000").get("items")) {
            if (held.contains(role.get("id").asString())) {
                continue;
            }
            for (JsonNode copy :
                    restJson("/api/v1/roles/" + role.get("id").asString()).get("copies")) {
                if (copy.get("businessUnitId").asString().equals(unit)) {
                    return role.get("id").asString();
                }
            }
        }
        throw new AssertionError("a role with a copy in the account's business unit");
    }
}
