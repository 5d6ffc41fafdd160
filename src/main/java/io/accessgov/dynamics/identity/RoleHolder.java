package io.accessgov.dynamics.identity;

import io.accessgov.dynamics.grant.Grant;
import io.swagger.v3.oas.annotations.media.Schema;

/** An account holding a role of the name asked for, in one environment (docs/api.md §9). */
@Schema(description = "An account's grant of a role of the name asked for, directly or through teams.")
record RoleHolder(@Schema(example = "contoso-sandbox") String environment, Grant grant) {

    /** Its place in the list: environments in name order, then grants in id order. */
    String position() {
        // ' ' sorts before every character of an environment name, so "a x" < "a-b x"
        return environment + " " + grant.id();
    }

    /** The environment of a {@link #position()}. */
    static String environmentOf(String position) {
        int space = position.indexOf(' ');
        return space < 0 ? position : position.substring(0, space);
    }
}
