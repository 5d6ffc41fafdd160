package io.accessgov.dynamics.scim;

import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.AttributeDefinition.Mutability;
import com.unboundid.scim2.common.types.AttributeDefinition.Returned;
import com.unboundid.scim2.common.types.AttributeDefinition.Type;
import com.unboundid.scim2.common.types.AttributeDefinition.Uniqueness;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.SchemaResource;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The schemas this service provider serves (RFC 7643 §8.7), exactly the attributes it fills: a subset of the core
 * User and Group schemas and of the enterprise extension. Everything is read-only but the two attributes a PATCH
 * changes: a user's {@code roles} and a group's {@code members} (docs/scim.md).
 */
final class ScimSchemas {

    static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

    static final SchemaResource USER_SCHEMA = new SchemaResource(
            USER,
            "User",
            "A Dynamics 365 account (Dataverse systemuser).",
            List.of(
                    text("userName", "The account's username (domainname); for Entra users the UPN.")
                            .setRequired(true)
                            .setUniqueness(Uniqueness.SERVER)
                            .build(),
                    complex(
                                    "name",
                                    "The account's name.",
                                    text("givenName", "First name.").build(),
                                    text("familyName", "Last name.").build())
                            .build(),
                    text("displayName", "The full name.").build(),
                    text("title", "The job title.").build(),
                    attribute("active", Type.BOOLEAN, "Whether the account is enabled.")
                            .build(),
                    complex(
                                    "emails",
                                    "The primary email address, of type work.",
                                    text("value", "The address.").build(),
                                    text("type", "Always work.")
                                            .addCanonicalValues("work")
                                            .build(),
                                    attribute("primary", Type.BOOLEAN, "Always true.")
                                            .build())
                            .setMultiValued(true)
                            .build(),
                    complex(
                                    "roles",
                                    "Security roles the account holds: direct assignments, which PATCH adds and"
                                            + " removes, and roles inherited through teams.",
                                    text("value", "The logical role's id (the root role id).")
                                            .setMutability(Mutability.READ_WRITE)
                                            .build(),
                                    text("display", "The role's name.").build(),
                                    text("type", "direct or inherited.")
                                            .addCanonicalValues("direct", "inherited")
                                            .build())
                            .setMultiValued(true)
                            .setMutability(Mutability.READ_WRITE)
                            .build()));

    static final SchemaResource ENTERPRISE_USER_SCHEMA = new SchemaResource(
            ENTERPRISE_USER,
            "EnterpriseUser",
            "The account's business unit.",
            List.of(
                    text("organization", "The name of the account's business unit.")
                            .build(),
                    text("department", "The name of the account's business unit.")
                            .build()));

    static final SchemaResource GROUP_SCHEMA = new SchemaResource(
            GROUP,
            "Group",
            "A Dynamics 365 team: owner, access or Entra group team.",
            List.of(
                    text("displayName", "The team's name.").setRequired(true).build(),
                    complex(
                                    "members",
                                    "The team's members, all of them accounts. PATCH adds and removes them, except"
                                            + " in a business unit's default team and in Entra group teams.",
                                    text("value", "The account's id.")
                                            .setMutability(Mutability.IMMUTABLE)
                                            .build(),
                                    text("display", "The account's full name.").build(),
                                    attribute("$ref", Type.REFERENCE, "The account as a SCIM User.")
                                            .addReferenceTypes("User")
                                            .setMutability(Mutability.IMMUTABLE)
                                            .build())
                            .setMultiValued(true)
                            .setMutability(Mutability.READ_WRITE)
                            .build()));

    static final List<SchemaResource> ALL = List.of(USER_SCHEMA, ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA);

    static final ResourceTypeResource USER_TYPE = new ResourceTypeResource(
            "User",
            "User",
            "Dynamics 365 accounts.",
            URI.create("/Users"),
            URI.create(USER),
            List.of(new ResourceTypeResource.SchemaExtension(URI.create(ENTERPRISE_USER), false)));

    static final ResourceTypeResource GROUP_TYPE = new ResourceTypeResource(
            "Group", "Group", "Dynamics 365 teams.", URI.create("/Groups"), URI.create(GROUP), null);

    static final List<ResourceTypeResource> RESOURCE_TYPES = List.of(USER_TYPE, GROUP_TYPE);

    private ScimSchemas() {}

    static Optional<SchemaResource> schema(String id) {
        return ALL.stream()
                .filter(schema -> schema.getId().equalsIgnoreCase(id))
                .findFirst();
    }

    static Optional<ResourceTypeResource> resourceType(String name) {
        return RESOURCE_TYPES.stream()
                .filter(type -> type.getName().equalsIgnoreCase(name))
                .findFirst();
    }

    private static AttributeDefinition.Builder text(String name, String description) {
        return attribute(name, Type.STRING, description);
    }

    private static AttributeDefinition.Builder attribute(String name, Type type, String description) {
        return new AttributeDefinition.Builder()
                .setName(name)
                .setType(type)
                .setDescription(description)
                .setMutability(Mutability.READ_ONLY)
                .setReturned(Returned.DEFAULT)
                .setCaseExact(false);
    }

    private static AttributeDefinition.Builder complex(
            String name, String description, AttributeDefinition... subAttributes) {
        return attribute(name, Type.COMPLEX, description).addSubAttributes(subAttributes);
    }
}
