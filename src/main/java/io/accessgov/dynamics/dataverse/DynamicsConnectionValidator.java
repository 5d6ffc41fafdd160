package io.accessgov.dynamics.dataverse;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Checks the settings that depend on each other (docs/api.md §1): with an environment URL, the tenant, client id and
 * secret are required; URLs must be absolute, and {@code http://} is accepted for loopback hosts only. Each
 * violation names the environment variable, because that is what an operator sets.
 */
class DynamicsConnectionValidator implements ConstraintValidator<ValidDynamicsConnection, DynamicsProperties> {

    @Override
    public boolean isValid(DynamicsProperties properties, ConstraintValidatorContext context) {
        context.disableDefaultConstraintViolation();
        boolean valid = checkUrl(properties.authorityUrl(), "authorityUrl", "DYNAMICS_AUTHORITY_URL", context);
        if (properties.environmentUrl() == null) {
            return valid;
        }
        valid &= checkUrl(properties.environmentUrl(), "environmentUrl", "DYNAMICS_ENVIRONMENT_URL", context);
        valid &= required(properties.tenantId(), "tenantId", "DYNAMICS_TENANT_ID", context);
        valid &= required(properties.clientId(), "clientId", "DYNAMICS_CLIENT_ID", context);
        valid &= required(properties.clientSecret(), "clientSecret", "DYNAMICS_CLIENT_SECRET", context);
        return valid;
    }

    private static boolean required(
            String value, String property, String variable, ConstraintValidatorContext context) {
        if (value != null && !value.isBlank()) {
            return true;
        }
        violation(context, property, variable + " must be set when DYNAMICS_ENVIRONMENT_URL is set");
        return false;
    }

    private static boolean checkUrl(URI url, String property, String variable, ConstraintValidatorContext context) {
        if (url == null
                || !url.isAbsolute()
                || url.getHost() == null
                || url.getRawQuery() != null
                || url.getRawFragment() != null) {
            violation(
                    context,
                    property,
                    variable + " must be an absolute URL such as https://contoso.crm.dynamics.com"
                            + " (no query or fragment), but was '" + url + "'");
            return false;
        }
        String scheme = url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (scheme.equals("https") || (scheme.equals("http") && isLoopback(url.getHost()))) {
            return true;
        }
        violation(
                context,
                property,
                variable + " must use https:// (http:// is accepted only for loopback hosts)," + " but was '" + url
                        + "'");
        return false;
    }

    static boolean isLoopback(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // a name other than localhost would need a DNS lookup: not loopback by definition here
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void violation(ConstraintValidatorContext context, String property, String message) {
        context.buildConstraintViolationWithTemplate(message.replace("{", "\\{").replace("$", "\\$"))
                .addPropertyNode(property)
                .addConstraintViolation();
    }
}
