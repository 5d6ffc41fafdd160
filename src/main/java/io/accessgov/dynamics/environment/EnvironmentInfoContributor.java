package io.accessgov.dynamics.environment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/**
 * Adds to {@code /actuator/info}: {@code dataverse.mode} and {@code dataverse.environmentUrl} of the default
 * environment, and {@code dataverse.environments}, each environment's name, mode and URL.
 */
@Component
class EnvironmentInfoContributor implements InfoContributor {

    private final Environments environments;

    EnvironmentInfoContributor(Environments environments) {
        this.environments = environments;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Environment main = environments.defaultEnvironment();
        List<Map<String, Object>> all = environments.all().stream()
                .map(environment -> {
                    Map<String, Object> one = new LinkedHashMap<>();
                    one.put("name", environment.name());
                    one.put("default", environment.isDefault());
                    one.put("mode", environment.connection().mode().label());
                    one.put(
                            "environmentUrl",
                            environment.connection().environmentUrl().toString());
                    return one;
                })
                .toList();
        Map<String, Object> dataverse = new LinkedHashMap<>();
        dataverse.put("mode", main.connection().mode().label());
        dataverse.put("environmentUrl", main.connection().environmentUrl().toString());
        dataverse.put("defaultEnvironment", main.name());
        dataverse.put("environments", all);
        builder.withDetail("dataverse", dataverse);
    }
}
