package io.accessgov.dynamics.simulator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The write side (docs/dataverse.md §6): associate and disassociate through {@code $ref} (roles, team memberships,
 * field security profiles), {@code AddMembersTeam} and {@code RemoveMembersTeam}, with the business rules of §1.2,
 * §2.1, §3.1 and §15 checked before anything changes, and every change tracked ({@link Changes}).
 * Callers serialise writes on the organisation (as the test-facing state does), so identical concurrent requests
 * end with one change.
 */
final class Writes {

    private final Organisation organisation;
    private final Changes changes;
    private final Behaviour behaviour;
    private final String webApiBase;
    private final LinkRules rules;

    Writes(Changes changes, Behaviour behaviour, String webApiBase) {
        this.organisation = changes.organisation();
        this.changes = changes;
        this.behaviour = behaviour;
        this.webApiBase = webApiBase;
        this.rules = new LinkRules(organisation, behaviour);
    }

    void associate(Call call, TableDef def, UUID id, Schema.Navigation navigation) {
        JsonNode body = body(call);
        JsonNode reference = body.get("@odata.id");
        if (reference == null || !reference.isString()) {
            throw ODataError.badRequest(
                    "0x80040203",
                    "The request body must contain an '@odata.id' property naming " + "the record to associate.");
        }
        UUID otherId = referencedId(reference.stringValue(), navigation.targetSet());
        Link link = resolve(def, id, navigation, otherId);
        rules.checkAdd(link, call.clientId());
        Table links = organisation.table(navigation.linkSet());
        if (find(links, link) != null) {
            if (behaviour.duplicateLink() == Behaviour.DuplicateLink.REJECT) {
                throw new ODataError(412, "0x80040237", "Cannot insert duplicate key.");
            }
            call.empty(204);
            return;
        }
        changes.link(links, link.first(), link.second());
        call.empty(204);
    }

    void disassociate(
            Call call,
            TableDef def,
            UUID id,
            Schema.Navigation navigation,
            @Nullable UUID keyedId,
            @Nullable String idOption) {
        UUID otherId = keyedId;
        if (otherId == null) {
            if (idOption == null || idOption.isBlank()) {
                throw ODataError.badRequest(
                        "0x80040203",
                        "Disassociating needs the related record: use " + navigation.name()
                                + "(<id>)/$ref or $ref?$id=<url>.");
            }
            otherId = referencedId(idOption, navigation.targetSet());
        } else if (idOption != null) {
            throw ODataError.badRequest("0x80040203", "Use either a key segment or $id, not both.");
        }
        privilegeCheck(call, navigation);
        Link link = resolve(def, id, navigation, otherId);
        rules.checkRemove(link);
        Table links = organisation.table(navigation.linkSet());
        Row existing = find(links, link);
        if (existing == null) {
            if (behaviour.missingLink() == Behaviour.MissingLink.REJECT) {
                throw ODataError.recordMissing(links.def().entityName(), link.first() + ", " + link.second());
            }
            call.empty(204);
            return;
        }
        changes.delete(links, existing);
        call.empty(204);
    }

    void action(Call call, TableDef def, UUID teamId, String action) {
        boolean add = action.equals("AddMembersTeam");
        if (def != Schema.TEAM || !(add || action.equals("RemoveMembersTeam"))) {
            throw ODataError.segmentNotFound("Microsoft.Dynamics.CRM." + action);
        }
        JsonNode members = body(call).get("Members");
        if (members == null || !members.isArray()) {
            throw ODataError.badRequest("0x80040203", "The parameter 'Members' is missing or is not a collection.");
        }
        Schema.Navigation navigation = Schema.navigation(Schema.TEAMS, "teammembership_association");
        Set<UUID> users = new LinkedHashSet<>();
        for (JsonNode member : members) {
            JsonNode key = member.has("ownerid") ? member.get("ownerid") : member.get("systemuserid");
            if (key == null || !key.isString()) {
                throw ODataError.badRequest(
                        "0x80040203", "EdmEntityObject passed should have the key property value " + "set.");
            }
            users.add(parseId(key.stringValue()));
        }
        privilegeCheck(call, navigation);
        List<Link> links = new ArrayList<>();
        for (UUID user : users) {
            Link link = resolve(def, teamId, navigation, user);
            if (add) {
                rules.checkAdd(link, call.clientId());
            } else {
                rules.checkRemove(link);
            }
            links.add(link);
        }
        Table memberships = organisation.memberships();
        for (Link link : links) {
            Row existing = find(memberships, link);
            if (add && existing == null) {
                changes.link(memberships, link.first(), link.second());
            } else if (!add && existing != null) {
                changes.delete(memberships, existing);
            }
        }
        call.empty(204);
    }

    /** A link as the intersect table stores it, with both records found. */
    record Link(Schema.Navigation navigation, UUID first, UUID second, Row firstRow, Row secondRow) {}

    private Link resolve(TableDef def, UUID id, Schema.Navigation navigation, UUID otherId) {
        Row self = organisation.table(def.setName()).find(id);
        if (self == null) {
            throw ODataError.recordMissing(def.entityName(), id);
        }
        TableDef targetDef = Schema.bySet(navigation.targetSet());
        Row other = organisation.table(navigation.targetSet()).find(otherId);
        if (other == null) {
            throw ODataError.recordMissing(targetDef.entityName(), otherId);
        }
        return navigation.selfColumn() == 1
                ? new Link(navigation, id, otherId, self, other)
                : new Link(navigation, otherId, id, other, self);
    }

    private void privilegeCheck(Call call, Schema.Navigation navigation) {
        rules.privilegeCheck(navigation, call.clientId());
    }

    private static @Nullable Row find(Table links, Link link) {
        return Changes.findLink(links, link.first(), link.second());
    }

    private UUID referencedId(String url, String expectedSet) {
        String relative = url;
        if (url.startsWith("http://") || url.startsWith("https://")) {
            if (!url.startsWith(webApiBase)) {
                throw ODataError.badRequest(
                        "0x80060888",
                        "The URI '" + url + "' is not valid because it is not based" + " on '" + webApiBase + "'.");
            }
            relative = url.substring(webApiBase.length());
        } else if (url.startsWith(WebApi.ROOT)) {
            relative = url.substring(WebApi.ROOT.length());
        }
        List<WebApi.Segment> segments = WebApi.segments(relative);
        if (segments.size() != 1 || segments.get(0).key() == null) {
            throw ODataError.badRequest("0x80060888", "The URI '" + url + "' does not name a single record.");
        }
        WebApi.Segment segment = segments.get(0);
        if (!segment.name().equals(expectedSet)) {
            if (Schema.bySet(segment.name()) == null) {
                throw ODataError.segmentNotFound(segment.name());
            }
            throw ODataError.badRequest(
                    "0x80060888",
                    "The URI '" + url + "' names a " + segment.name() + " record, but the navigation property expects "
                            + expectedSet + ".");
        }
        return WebApi.key(segment);
    }

    private static UUID parseId(String text) {
        try {
            if (text.length() != 36) {
                throw new IllegalArgumentException(text);
            }
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ODataError.badRequest("0x80040203", "'" + text + "' is not a valid Guid.");
        }
    }

    private static JsonNode body(Call call) {
        if (call.bodyTooLarge()) {
            throw new ODataError(413, "0x80040203", "The request body is too large.");
        }
        try {
            JsonNode node = Call.JSON.readTree(call.body());
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not an object");
            }
            return node;
        } catch (JacksonException | IllegalArgumentException e) {
            throw ODataError.badRequest(
                    "0x80048d19",
                    "Error identified in Payload provided by the user: the body is " + "not a valid JSON object.");
        }
    }
}
