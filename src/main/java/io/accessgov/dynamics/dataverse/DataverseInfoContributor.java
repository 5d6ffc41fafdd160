package io.accessgov.dynamics.dataverse;

import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/**
 * Adds {@code dataverse.mode} ({@code live} or {@code simulator}) and {@code dataverse.environmentUrl} to
 * {@code /actuator/info}.
 */
@Component
class DataverseInfoContributor implements InfoContributor {

    private final DataverseConnectionInfo connection;

    DataverseInfoContributor(DataverseConnectionInfo connection) {
        this.connection = connection;
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail(
                "dataverse",
                Map.of(
                        "mode", connection.mode().label(),
                        "environmentUrl", connection.environmentUrl().toString()));
    }
}
