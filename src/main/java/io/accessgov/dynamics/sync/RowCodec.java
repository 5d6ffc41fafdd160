package io.accessgov.dynamics.sync;

import io.accessgov.dynamics.dataverse.BusinessUnit;
import io.accessgov.dynamics.dataverse.DataverseTable;
import io.accessgov.dynamics.dataverse.RowChange;
import io.accessgov.dynamics.dataverse.SecurityRole;
import io.accessgov.dynamics.dataverse.SystemUser;
import io.accessgov.dynamics.dataverse.Team;
import io.accessgov.dynamics.dataverse.TeamMembership;
import io.accessgov.dynamics.dataverse.TeamRoleLink;
import io.accessgov.dynamics.dataverse.UserRoleLink;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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

    static void writeGuid(DataOutputStream out, UUID id) throws IOException {
        out.writeLong(id.getMostSignificantBits());
        out.writeLong(id.getLeastSignificantBits());
    }

    static UUID readGuid(DataInputStream in) throws IOException {
        return new UUID(in.readLong(), in.readLong());
    }

    /** The codec of each table a sync reads. */
    static Map<DataverseTable<?>, RowCodec<?>> all(JsonMapper json) {
        return Map.of(
                DataverseTable.BUSINESS_UNITS, new Json<>(json, BusinessUnit.class),
                DataverseTable.USERS, new Json<>(json, SystemUser.class),
                DataverseTable.ROLES, new Json<>(json, SecurityRole.class),
                DataverseTable.TEAMS, new Json<>(json, Team.class),
                DataverseTable.USER_ROLES, new Link<>(UserRoleLink::new, UserRoleLink::userId, UserRoleLink::roleId),
                DataverseTable.TEAM_MEMBERSHIPS,
                        new Link<>(TeamMembership::new, TeamMembership::teamId, TeamMembership::userId),
                DataverseTable.TEAM_ROLES, new Link<>(TeamRoleLink::new, TeamRoleLink::teamId, TeamRoleLink::roleId));
    }

    /** A row of a table of objects, as its JSON. */
    static final class Json<T> extends RowCodec<T> {
        private final JsonMapper json;
        private final Class<T> type;

        Json(JsonMapper json, Class<T> type) {
            this.json = json;
            this.type = type;
        }

        @Override
        boolean links() {
            return false;
        }

        @Override
        void write(DataOutputStream out, UUID id, T row) throws IOException {
            byte[] bytes = json.writeValueAsBytes(row);
            writeGuid(out, id);
            out.writeInt(bytes.length);
            out.write(bytes);
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
        RowChange<T> read(DataInputStream in) throws IOException {
            UUID id = readGuid(in);
            UUID a = readGuid(in);
            UUID b = readGuid(in);
            return RowChange.present(id, make.apply(a, b));
        }
    }
}
