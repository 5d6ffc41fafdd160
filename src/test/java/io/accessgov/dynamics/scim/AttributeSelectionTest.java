package io.accessgov.dynamics.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class AttributeSelectionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ObjectNode user() {
        return (ObjectNode) JSON.readTree("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "id": "1", "userName": "jane", "displayName": "Jane Doe",
                 "name": {"givenName": "Jane", "familyName": "Doe"},
                 "roles": [{"value": "r", "type": "direct"}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
                     {"organization": "Sales", "department": "Sales"},
                 "meta": {"resourceType": "User"}}""");
    }

    @Test
    void attributesKeepOnlyTheNamedOnesAndWhatIsAlwaysReturned() {
        ObjectNode trimmed = AttributeSelection.of("userName,name.givenName", null, ScimSchemas.USER)
                .apply(user());

        assertThat(trimmed.propertyNames()).containsExactlyInAnyOrder("schemas", "id", "userName", "name", "meta");
        assertThat(trimmed.get("name").propertyNames()).containsExactly("givenName");
    }

    @Test
    void excludedAttributesDropTheNamedOnesIncludingAnExtensionsAttribute() {
        ObjectNode trimmed = AttributeSelection.of(
                        null,
                        "roles, urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
                        ScimSchemas.USER)
                .apply(user());

        assertThat(trimmed.has("roles")).isFalse();
        assertThat(trimmed.has("displayName")).isTrue();
        assertThat(trimmed.get(ScimSchemas.ENTERPRISE_USER).propertyNames()).containsExactly("organization");
    }

    @Test
    void idSchemasAndMetaCannotBeExcluded() {
        ObjectNode trimmed =
                AttributeSelection.of(null, "id,meta,schemas", ScimSchemas.USER).apply(user());

        assertThat(trimmed.has("id")).isTrue();
        assertThat(trimmed.has("meta")).isTrue();
        assertThat(trimmed.has("schemas")).isTrue();
    }

    @Test
    void theCoreSchemasUrnNamesTheSameAttribute() {
        AttributeSelection selection =
                AttributeSelection.of("urn:ietf:params:scim:schemas:core:2.0:User:roles", null, ScimSchemas.USER);

        assertThat(selection.returns("roles")).isTrue();
        assertThat(selection.returns("userName")).isFalse();
        assertThat(selection.apply(user()).has("roles")).isTrue();
    }

    @Test
    void attributesWithoutTheExtensionLeaveItOut() {
        ObjectNode trimmed =
                AttributeSelection.of("userName", null, ScimSchemas.USER).apply(user());

        assertThat(trimmed.has(ScimSchemas.ENTERPRISE_USER)).isFalse();
    }

    @Test
    void aNameThatIsNoAttributePathIsAnInvalidValue() {
        assertThatThrownBy(() -> AttributeSelection.of("name[", null, ScimSchemas.USER))
                .isInstanceOfSatisfying(ScimRefusal.class, refusal -> assertThat(refusal.properties())
                        .containsEntry("scimType", "invalidValue"));
    }

    @Test
    void withoutParametersEverythingIsReturned() {
        assertThat(AttributeSelection.of(null, " ", ScimSchemas.USER).apply(user()))
                .isEqualTo(user());
        assertThat(AttributeSelection.ALL.returns("roles")).isTrue();
    }
}
