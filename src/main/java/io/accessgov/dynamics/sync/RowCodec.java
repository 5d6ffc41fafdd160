package io.accessgov.dynamics.sync;

import io.accessgov.dynamics.dataverse.BusinessUnit;
import io.accessgov.dynamics.dataverse.DataverseTable;
import io.accessgov.dynamics.dataverse.FieldPermission;
import io.accessgov.dynamics.dataverse.FieldSecurityProfile;
import io.accessgov.dynamics.dataverse.Privilege;
import io.accessgov.dynamics.dataverse.RolePrivilege;
import io.accessgov.dynamics.dataverse.RowChange;
import io.accessgov.dynamics.dataverse.SecurityRole;
import io.accessgov.dynamics.dataverse.SystemUser;
import io.accessgov.dynamics.dataverse.Team;
import io.accessgov.dynamics.dataverse.TeamMembership;
import io.accessgov.dynamics.dataverse.TeamProfileLink;
import io.accessgov.dynamics.dataverse.TeamRoleLink;
import io.accessgov.dynamics.dataverse.UserProfileLink;
import io.accessgov.dynamics.dataverse.UserRoleLink;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the rows of one table are kept in a sync's delta state ({@link DeltaState}): each row under its primary key,
 * a link as three GUIDs (48 bytes, its own id first: what a removal names), any other row as its JSON.
 */
abstract sealed class RowCodec<T> {

    /** Whether the table is a link table, whose removals name a link row id only the kept state can resolve. */
    abstract boolean links();

    abstract void write(DataOutputStream out, UUID id, T row) throws IOException;

    abstract RowChange<T> read(DataInputStream in) throws IOException;

    /**
     * An id derived from the row's values alone: equal rows get equal ids, different rows (almost surely) different
     * ones. Rows of a table Dataverse does not track are kept under it, so that the next sync can tell what changed
     * by comparing ids ({@link TableSync}).
     */
    abstract UUID contentId(T row);

    static void writeGuid(DataOutputStream out, UUID id) throws IOException {
        out.writeLong(id.getMostSignificantBits());
        out.writeLong(id.getLeastSignificantBits());
    }

    static UUID readGuid(DataInputStream in) throws IOException {
        return new UUID(in.readLong(), in.readLong());
    }

    /** The codec of each table a sync reads. */
    static Map<DataverseTable<?>, RowCodec<?>> all(JsonMapper json) {
        return Map.ofEntries(
                Map.entry(DataverseTable.BUSINESS_UNITS, new Json<>(json, BusinessUnit.class, false)),
                Map.entry(DataverseTable.USERS, new Json<>(json, SystemUser.class, false)),
                Map.entry(DataverseTable.ROLES, new Json<>(json, SecurityRole.class, false)),
                Map.entry(DataverseTable.TEAMS, new Json<>(json, Team.class, false)),
                Map.entry(
                        DataverseTable.USER_ROLES,
                        new Link<>(UserRoleLink::new, UserRoleLink::userId, UserRoleLink::roleId)),
                Map.entry(
                        DataverseTable.TEAM_MEMBERSHIPS,
                        new Link<>(TeamMembership::new, TeamMembership::teamId, TeamMembership::userId)),
                Map.entry(
                        DataverseTable.TEAM_ROLES,
                        new Link<>(TeamRoleLink::new, TeamRoleLink::teamId, TeamRoleLink::roleId)),
                Map.entry(DataverseTable.PRIVILEGES, new Json<>(json, Privilege.class, false)),
                // an intersect with a depth: its removals name the link row, like the other link tables'
                Map.entry(DataverseTable.ROLE_PRIVILEGES, new Json<>(json, RolePrivilege.class, true)),
                Map.entry(DataverseTable.FIELD_SECURITY_PROFILES, new Json<>(json, FieldSecurityProfile.class, false)),
                Map.entry(DataverseTable.FIELD_PERMISSIONS, new Json<>(json, FieldPermission.class, false)),
                Map.entry(
                        DataverseTable.USER_PROFILES,
                        new Link<>(UserProfileLink::new, UserProfileLink::userId, UserProfileLink::profileId)),
                Map.entry(
                        DataverseTable.TEAM_PROFILES,
                        new Link<>(TeamProfileLink::new, TeamProfileLink::teamId, TeamProfileLink::profileId)));
    }

    /** A row of a table of objects (or of an intersect with more than its two ids), as its JSON. */
    static final class Json<T> extends RowCodec<T> {
        private final JsonMapper json;
        private final Class<T> type;
        private final boolean links;

        /**
         * @param links whether the table is an intersect, whose removals name a link row id
         */
        Json(JsonMapper json, Class<T> type, boolean links) {
            this.json = json;
            this.type = type;
            this.links = links;
        }

        @Override
        boolean links() {
            return links;
        }

        @Override
        void write(DataOutputStream out, UUID id, T row) throws IOException {
            byte[] bytes = json.writeValueAsBytes(row);
            writeGuid(out, id);
            out.writeInt(bytes.length);
            out.write(bytes);
        }

        @Override
        UUID contentId(T row) {
            return UUID.nameUUIDFromBytes(json.writeValueAsBytes(row));
        }

        @Override
        RowChange<T> read(DataInputStream in) throws IOException {
            UUID id = readGuid(in);
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            return RowChange.present(id, json.readValue(bytes, type));
        }
    }

    /** A link row: its own id, then the two records it links. */
    static final class Link<T> extends RowCodec<T> {
        private final BiFunction<UUID, UUID, T> make;
        private final Function<T, UUID> first;
        private final Function<T, UUID> second;

        Link(BiFunction<UUID, UUID, T> make, Function<T, UUID> first, Function<T, UUID> second) {
            this.make = make;
            this.first = first;
            this.second = second;
        }

        @Override
        boolean links() {
            return true;
        }

        @Override
        void write(DataOutputStream out, UUID id, T row) throws IOException {
            writeGuid(out, id);
            writeGuid(out, first.apply(row));
            writeGuid(out, second.apply(row));
        }

        @Override
        UUID contentId(T row) {
            UUID a = first.apply(row);
            UUID b = second.apply(row);
            return UUID.nameUUIDFromBytes(ByteBuffer.allocate(32)
                    .putLong(a.getMostSignificantBits())
                    .putLong(a.getLeastSignificantBits())
                    .putLong(b.getMostSignificantBits())
                    .putLong(b.getLeastSignificantBits())
                    .array());
        }

        @Override
        RowChange<T> read(DataInputStream in) throws IOException {
            UUID id = readGuid(in);
            UUID a = readGuid(in);
            UUID b = readGuid(in);
            return RowChange.present(id, make.apply(a, b));
        }
    }
}
