package io.accessgov.dynamics.dataverse;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks the settings that depend on each other (docs/api.md §1, §9): with an environment URL, the tenant, client id
 * and secret are required; URLs must be absolute, and {@code http://} is accepted for loopback hosts only; every
 * named environment is complete and well named, and the default environment is unambiguous. Each violation names the
 * property and, where one can set it, the environment variable, because that is what an operator sets.
 */
class DynamicsConnectionValidator implements ConstraintValidator<ValidDynamicsConnection, DynamicsProperties> {

    /** What an environment name may look like: it appears in paths, metric tags and health component names. */
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    @Override
    public boolean isValid(DynamicsProperties properties, ConstraintValidatorContext context) {
        context.disableDefaultConstraintViolation();
        boolean valid = checkUrl(properties.authorityUrl(), "authorityUrl", "DYNAMICS_AUTHORITY_URL", context);
        valid &= environmentsAreValid(properties, context);
        if (properties.environmentUrl() == null) {
            return valid;
        }
        valid &= checkUrl(properties.environmentUrl(), "environmentUrl", "DYNAMICS_ENVIRONMENT_URL", context);
        valid &= required(properties.tenantId(), "tenantId", "DYNAMICS_TENANT_ID", context);
        valid &= required(properties.clientId(), "clientId", "DYNAMICS_CLIENT_ID", context);
        valid &= required(properties.clientSecret(), "clientSecret", "DYNAMICS_CLIENT_SECRET", context);
        return valid;
    }

    private static boolean environmentsAreValid(DynamicsProperties properties, ConstraintValidatorContext context) {
        boolean valid = true;
        for (Map.Entry<String, DynamicsProperties.EnvironmentSettings> entry :
                properties.environments().entrySet()) {
            valid &= environmentIsValid(entry.getKey(), entry.getValue(), context);
        }
        if (properties.environmentUrl() != null
                && properties.environments().containsKey(DynamicsProperties.V1_ENVIRONMENT)) {
            violation(
                    context,
                    "environments",
                    "dynamics.environments.default cannot be configured together with DYNAMICS_ENVIRONMENT_URL,"
                            + " which defines the environment 'default' itself; use one of the two");
            valid = false;
        }
        String defaultName = properties.effectiveDefaultEnvironment();
        Set<String> names = new TreeSet<>(properties.environments().keySet());
        if (properties.environmentUrl() != null) {
            names.add(DynamicsProperties.V1_ENVIRONMENT);
        }
        if (properties.demoMode()) {
            names.addAll(DynamicsProperties.DEMO_ENVIRONMENTS);
        }
        if (defaultName == null) {
            violation(
                    context,
                    "defaultEnvironment",
                    "dynamics.default-environment (DYNAMICS_DEFAULT_ENVIRONMENT) must name the environment that the"
                            + " unprefixed paths address, one of " + names);
            valid = false;
        } else if (!names.contains(defaultName)) {
            violation(
                    context,
                    "defaultEnvironment",
                    "dynamics.default-environment (DYNAMICS_DEFAULT_ENVIRONMENT) names '" + defaultName
                            + "', which is not configured; configured: " + names);
            valid = false;
        }
        return valid;
    }

    private static boolean environmentIsValid(
            String name, DynamicsProperties.EnvironmentSettings settings, ConstraintValidatorContext context) {
        String prefix = "dynamics.environments." + name + ".";
        if (!NAME.matcher(name).matches()) {
            violation(
                    context,
                    "environments",
                    "dynamics.environments." + name + ": an environment name has 1 to 40 lower-case letters,"
                            + " digits and dashes, and starts with a letter or digit");
            return false;
        }
        boolean valid = settings.environmentUrl() == null
                ? missing(prefix, name, "environment-url", context)
                : checkUrl(
                        settings.environmentUrl(), "environments", describe(prefix, name, "environment-url"), context);
        if (settings.authorityUrl() != null) {
            valid &=
                    checkUrl(settings.authorityUrl(), "environments", describe(prefix, name, "authority-url"), context);
        }
        valid &= settings.tenantId() != null && !settings.tenantId().isBlank()
                || missing(prefix, name, "tenant-id", context);
        valid &= settings.clientId() != null && !settings.clientId().isBlank()
                || missing(prefix, name, "client-id", context);
        valid &= settings.clientSecret() != null && !settings.clientSecret().isBlank()
                || missing(prefix, name, "client-secret", context);
        return valid;
    }

    private static boolean missing(String prefix, String name, String property, ConstraintValidatorContext context) {
        violation(context, "environments", describe(prefix, name, property) + " must be set");
        return false;
    }

    /** The property, and the environment variable that sets it when the name has no dash (variables cannot). */
    private static String describe(String prefix, String name, String property) {
        String text = prefix + property;
        if (!name.contains("-")) {
            text += " (DYNAMICS_ENVIRONMENTS_" + name.toUpperCase(Locale.ROOT) + "_"
                    + property.replace("-", "").toUpperCase(Locale.ROOT) + ")";
        }
        return text;
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
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
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
