package io.accessgov.dynamics.simulator;

import io.accessgov.dynamics.simulator.SeedWriter.RoleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The out-of-box security roles of a Dataverse environment (plus one custom role), as seeds define them. */
final class OutOfBoxRoles {

    /** Name, role template id (null when the role has none), isinherited, isautoassigned, managed, description. */
    private static final Object[][] ROLES = {
        {
            "System Administrator",
            "627090ff-40a3-4053-8790-584edc5be201",
            1,
            0,
            true,
            "Has full permission to customize or administer the environment."
        },
        {
            "System Customizer",
            "119f245c-3cc8-4b62-b31c-d1a046ced15d",
            1,
            0,
            true,
            "Has full permission to customize the environment."
        },
        {
            "Basic User",
            "d58407f2-48d5-e711-a82c-000d3a37c848",
            1,
            1,
            true,
            "Can run an app within the environment and perform common tasks for the records that they own."
        },
        {"Salesperson", null, 1, 0, true, "Works with accounts, contacts, leads and opportunities."},
        {"Sales Manager", null, 0, 0, true, "Manages the sales team and its pipeline."},
        {"Customer Service Representative", null, 1, 0, true, "Works with cases, knowledge articles and queues."},
        {"Marketing Professional", null, 1, 0, true, "Runs marketing campaigns and lists."},
        {
            "Delegate",
            "7d2b3bf0-dd5c-4b53-9b4f-62c08c6a6cb9",
            1,
            0,
            true,
            "Allows a user to act on behalf of another user."
        },
        {
            "Support User",
            "1c4d2b3a-2a4c-4e2d-a3a3-5c2a8d4c1c0f",
            1,
            0,
            true,
            "Used by Microsoft support; has no access to customer data."
        },
        {
            "Environment Maker",
            "e7e0c2f9-8c68-4e8a-9a8d-8d2f0a6f1b21",
            1,
            0,
            true,
            "Can create new resources associated with an environment."
        },
        {
            "Service Reader",
            "1e4d3d2a-4c3b-4a5e-9f2d-0b1c2d3e4f51",
            1,
            0,
            true,
            "Read access to all tables; for application users only."
        },
        {
            "Service Writer",
            "2e4d3d2a-4c3b-4a5e-9f2d-0b1c2d3e4f52",
            1,
            0,
            true,
            "Read and write access to all tables; for application users only."
        },
        {"Office Collaborator", null, 1, 0, true, "Read access to records shared with the user."},
        {"Contoso Auditor", null, 0, 0, false, "Custom role: read-only access to finance records."},
    };

    private OutOfBoxRoles() {}

    static List<RoleSpec> specs(SeedWriter writer) {
        return specs(writer, ROLES.length);
    }

    /** The first {@code count} roles of the catalogue, then numbered custom roles when more are asked for. */
    static List<RoleSpec> specs(SeedWriter writer, int count) {
        List<RoleSpec> specs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i < ROLES.length) {
                Object[] role = ROLES[i];
                specs.add(new RoleSpec(
                        (String) role[0],
                        role[1] == null ? null : UUID.fromString((String) role[1]),
                        (Integer) role[2],
                        (Integer) role[3],
                        (Boolean) role[4],
                        null,
                        (String) role[5],
                        i));
            } else {
                specs.add(new RoleSpec(
                        String.format("Custom Role %03d", i - ROLES.length + 1),
                        null,
                        writer.random().nextInt(4) == 0 ? 0 : 1,
                        0,
                        false,
                        null,
                        "Generated custom role.",
                        i));
            }
        }
        return specs;
    }
}
