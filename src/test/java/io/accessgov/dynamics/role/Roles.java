package io.accessgov.dynamics.role;

import io.accessgov.dynamics.dataverse.RoleInheritance;
import io.accessgov.dynamics.dataverse.SecurityRole;
import java.util.UUID;

/** Role copies as the Dataverse client hands them out: one logical role, Salesperson, copied into two units. */
final class Roles {

    static final UUID ROOT_UNIT = UUID.fromString("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");
    static final UUID SALES_UNIT = UUID.fromString("7d3a9b1e-2c4f-4e6a-8b0d-1f2e3a4b5c6d");
    static final UUID EMEA_UNIT = UUID.fromString("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f");
    static final UUID ROOT_ID = UUID.fromString("0b5c3e9a-7f1d-4c2b-9a8e-6d5f4c3b2a19");
    static final UUID SALES_COPY_ID = UUID.fromString("5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716");
    static final UUID EMEA_COPY_ID = UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");

    private Roles() {}

    static SecurityRole salesperson() {
        return new SecurityRole(
                ROOT_ID,
                "Salesperson",
                ROOT_UNIT,
                "Contoso",
                null,
                ROOT_ID,
                UUID.fromString("9d2b2b4f-8a1e-4f6c-9e3d-2c1b0a9f8e7d"),
                "Grants access to the core sales records.",
                true,
                false,
                RoleInheritance.DIRECT_USER_AND_TEAM_PRIVILEGES);
    }

    static SecurityRole salesCopy() {
        return copy(SALES_COPY_ID, SALES_UNIT, "Sales", ROOT_ID);
    }

    static SecurityRole emeaCopy() {
        return copy(EMEA_COPY_ID, EMEA_UNIT, "EMEA", SALES_COPY_ID);
    }

    /** A custom role as old environments have it: no auto-assignment or inheritance columns. */
    static SecurityRole withoutOptionalColumns() {
        UUID id = UUID.fromString("6b7c8d9e-0f1a-4b2c-8d3e-4f5a6b7c8d9e");
        return new SecurityRole(id, "Auditor", ROOT_UNIT, "Contoso", null, id, null, null, false, null, null);
    }

    private static SecurityRole copy(UUID id, UUID unit, String unitName, UUID parent) {
        SecurityRole root = salesperson();
        return new SecurityRole(
                id,
                root.name(),
                unit,
                unitName,
                parent,
                ROOT_ID,
                root.roleTemplateId(),
                root.description(),
                root.managed(),
                root.autoAssigned(),
                root.inheritance());
    }
}
