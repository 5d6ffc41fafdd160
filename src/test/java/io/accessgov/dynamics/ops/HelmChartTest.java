package io.accessgov.dynamics.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Lints the Helm chart and renders it with {@code helm template} (the real Helm, as a native library through
 * helm-java), then reads what it rendered.
 */
class HelmChartTest {

    private static final Path CHART = Path.of("helm", "dynamics365-connector");
    private static final String KUBERNETES = "1.30.0";

    private static final String LIVE_VALUES = """
            dynamics:
              environmentUrl: https://contoso.crm4.dynamics.com
              tenantId: contoso.onmicrosoft.com
              clientId: 5f0c8a0e-8b8e-4f55-9c59-1a2b3c4d5e6f
              existingSecret: dynamics-credentials
              existingSecretKey: client-secret
              authorityUrl: https://login.microsoftonline.us
              includeSystemAccounts: true
              platformApplicationIds:
                - 0b5c6a55-0000-4000-8000-000000000001
                - 0b5c6a55-0000-4000-8000-000000000002
            security:
              jwt:
                issuerUri: https://login.microsoftonline.com/contoso/v2.0
                audiences: [api://dynamics-connector, 7d8e9f00-1111-4222-8333-444455556666]
              allowAnonymous: false
            """;

    @TempDir
    Path valuesDirectory;

    private final Helm helm = new Helm(CHART);

    @Test
    void lintsWithoutWarnings() {
        LintResult lint = helm.lint().strict().call();

        assertThat(lint.isFailed())
                .as("helm lint --strict: %s", lint.getMessages())
                .isFalse();
        assertThat(lint.getMessages())
                .noneMatch(message -> message.contains("[WARNING]") || message.contains("[ERROR]"));
    }

    @Test
    void rendersOnlyTheDeploymentItsServiceAndServiceAccountByDefault() {
        RenderedChart chart = render();

        assertThat(chart.kinds()).containsExactlyInAnyOrder("Deployment", "Service", "ServiceAccount");
        assertThat(chart.the("Deployment").at("/spec/replicas").asInt()).isEqualTo(1);
    }

    @Test
    void runsAsNonRootUser10001WithAReadOnlyRootFilesystemAndNoCapabilities() {
        RenderedChart chart = render();
        JsonNode pod = chart.podSpec().path("securityContext");
        JsonNode container = chart.container().path("securityContext");

        assertThat(pod.path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.path("runAsUser").asInt()).isEqualTo(10001);
        assertThat(pod.at("/seccompProfile/type").asString()).isEqualTo("RuntimeDefault");
        assertThat(container.path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(container.path("runAsUser").asInt()).isEqualTo(10001);
        assertThat(container.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.path("allowPrivilegeEscalation").isBoolean()).isTrue();
        assertThat(container.path("allowPrivilegeEscalation").asBoolean()).isFalse();
        assertThat(strings(container.at("/capabilities/drop"))).containsExactly("ALL");
        assertThat(container.at("/seccompProfile/type").asString()).isEqualTo("RuntimeDefault");
        assertThat(chart.podSpec().path("automountServiceAccountToken").asBoolean(true))
                .isFalse();
    }

    @Test
    void probesLivezForLivenessAndReadyzForReadiness() {
        JsonNode container = render().container();

        assertThat(container.at("/livenessProbe/httpGet/path").asString()).isEqualTo("/livez");
        assertThat(container.at("/readinessProbe/httpGet/path").asString()).isEqualTo("/readyz");
        assertThat(container.at("/startupProbe/httpGet/path").asString()).isEqualTo("/livez");
        assertThat(container.at("/livenessProbe/httpGet/port").asString()).isEqualTo("http");
        assertThat(container.at("/ports/0/name").asString()).isEqualTo("http");
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
    }

    @Test
    void keepsDataInAnEmptyDirMountedAtDataAndGivesTmpItsOwnEmptyDir() {
        RenderedChart chart = render();

        assertThat(chart.env("CONNECTOR_DATA_DIR").path("value").asString()).isEqualTo("/data");
        assertThat(chart.volumeMountedAt("/data").has("emptyDir")).isTrue();
        assertThat(chart.volumeMountedAt("/tmp").has("emptyDir")).isTrue();
    }

    @Test
    void startsInDemoModeWithoutAnEnvironmentUrl() {
        RenderedChart chart = render();

        assertThat(chart.env("DYNAMICS_ENVIRONMENT_URL").isMissingNode()).isTrue();
        assertThat(chart.env("DYNAMICS_CLIENT_SECRET").isMissingNode()).isTrue();
        assertThat(chart.env("CONNECTOR_SECURITY_ALLOW_ANONYMOUS").path("value").asString())
                .isEqualTo("false");
    }

    @Test
    void passesTheSettingsFromValuesAsTheServicesEnvironmentVariables() throws IOException {
        RenderedChart chart = render(LIVE_VALUES);

        assertThat(chart.env("DYNAMICS_ENVIRONMENT_URL").path("value").asString())
                .isEqualTo("https://contoso.crm4.dynamics.com");
        assertThat(chart.env("DYNAMICS_TENANT_ID").path("value").asString()).isEqualTo("contoso.onmicrosoft.com");
        assertThat(chart.env("DYNAMICS_CLIENT_ID").path("value").asString())
                .isEqualTo("5f0c8a0e-8b8e-4f55-9c59-1a2b3c4d5e6f");
        assertThat(chart.env("DYNAMICS_AUTHORITY_URL").path("value").asString())
                .isEqualTo("https://login.microsoftonline.us");
        assertThat(chart.env("DYNAMICS_INCLUDE_SYSTEM_ACCOUNTS").path("value").asString())
                .isEqualTo("true");
        assertThat(chart.env("DYNAMICS_PLATFORM_APPLICATION_IDS").path("value").asString())
                .isEqualTo("0b5c6a55-0000-4000-8000-000000000001,0b5c6a55-0000-4000-8000-000000000002");
        assertThat(chart.env("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI")
                        .path("value")
                        .asString())
                .isEqualTo("https://login.microsoftonline.com/contoso/v2.0");
        assertThat(chart.env("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES")
                        .path("value")
                        .asString())
                .isEqualTo("api://dynamics-connector,7d8e9f00-1111-4222-8333-444455556666");
        assertThat(chart.env("CONNECTOR_SECURITY_ALLOW_ANONYMOUS").path("value").asString())
                .isEqualTo("false");
    }

    @Test
    void readsTheClientSecretFromTheExistingSecretByReferenceOnly() throws IOException {
        JsonNode secret = render(LIVE_VALUES).env("DYNAMICS_CLIENT_SECRET");

        assertThat(secret.has("value")).as("a literal secret value").isFalse();
        assertThat(secret.at("/valueFrom/secretKeyRef/name").asString()).isEqualTo("dynamics-credentials");
        assertThat(secret.at("/valueFrom/secretKeyRef/key").asString()).isEqualTo("client-secret");
        assertThat(render(LIVE_VALUES).has("Secret"))
                .as("the chart creates no Secret")
                .isFalse();
    }

    private static final String NAMED_ENVIRONMENTS = """
            dynamics:
              defaultEnvironment: prod
              environments:
                - name: prod
                  environmentUrl: https://contoso.crm4.dynamics.com
                  tenantId: contoso.onmicrosoft.com
                  clientId: 5f0c8a0e-8b8e-4f55-9c59-1a2b3c4d5e6f
                  existingSecret: dynamics-prod
                - name: test-emea
                  environmentUrl: https://contoso-test.crm4.dynamics.com
                  tenantId: contoso.onmicrosoft.com
                  clientId: 5f0c8a0e-8b8e-4f55-9c59-1a2b3c4d5e70
                  existingSecret: dynamics-test
                  existingSecretKey: secret
                  includeSystemAccounts: true
            """;

    @Test
    void passesNamedEnvironmentsAsSettingsTheServiceBindsWithEachSecretByReference() throws IOException {
        RenderedChart chart = render(NAMED_ENVIRONMENTS);

        assertThat(chart.env("DYNAMICS_DEFAULT_ENVIRONMENT").path("value").asString())
                .isEqualTo("prod");
        JsonNode prodSecret = chart.env("CONNECTOR_ENVIRONMENT_0_CLIENT_SECRET");
        assertThat(prodSecret.has("value")).as("a literal secret value").isFalse();
        assertThat(prodSecret.at("/valueFrom/secretKeyRef/name").asString()).isEqualTo("dynamics-prod");
        assertThat(prodSecret.at("/valueFrom/secretKeyRef/key").asString()).isEqualTo("client-secret");
        assertThat(chart.env("CONNECTOR_ENVIRONMENT_1_CLIENT_SECRET")
                        .at("/valueFrom/secretKeyRef/key")
                        .asString())
                .isEqualTo("secret");

        // what the container gets, bound as the service binds it, the secrets as Kubernetes would fill them in
        String json = chart.env("SPRING_APPLICATION_JSON").path("value").asString();
        org.springframework.mock.env.MockEnvironment environment = new org.springframework.mock.env.MockEnvironment()
                .withProperty("CONNECTOR_ENVIRONMENT_0_CLIENT_SECRET", "prod-secret")
                .withProperty("CONNECTOR_ENVIRONMENT_1_CLIENT_SECRET", "test-secret")
                .withProperty("dynamics.default-environment", "prod");
        new org.springframework.boot.support.SpringApplicationJsonEnvironmentPostProcessor()
                .postProcessEnvironment(
                        environment.withProperty("spring.application.json", json),
                        new org.springframework.boot.SpringApplication());
        var dynamics = org.springframework.boot.context.properties.bind.Binder.get(environment)
                .bind("dynamics", io.accessgov.dynamics.dataverse.DynamicsProperties.class)
                .get();
        assertThat(dynamics.environmentDefinitions())
                .extracting(
                        definition -> definition.name(),
                        definition -> definition.isDefault(),
                        definition -> definition.includeSystemAccounts(),
                        definition -> definition.connection().clientSecret())
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple("prod", true, false, "prod-secret"),
                        org.assertj.core.api.Assertions.tuple("test-emea", false, true, "test-secret"));
        assertThat(json).doesNotContain("prod-secret");
    }

    @Test
    void schemaRejectsAnEnvironmentNameThatCannotBeAPathSegment() {
        assertRejected(NAMED_ENVIRONMENTS.replace("name: test-emea", "name: Test_EMEA"), "name");
        assertRejected(NAMED_ENVIRONMENTS.replace("      existingSecret: dynamics-prod\n", ""), "existingSecret");
    }

    @Test
    void rendersIngressAutoscalerAndDisruptionBudgetOnlyWhenEnabled() throws IOException {
        RenderedChart chart = render("""
                ingress:
                  enabled: true
                  className: nginx
                  hosts:
                    - host: connector.example.org
                      paths: [{path: /, pathType: Prefix}]
                  tls:
                    - hosts: [connector.example.org]
                      secretName: connector-tls
                autoscaling:
                  enabled: true
                  minReplicas: 2
                  maxReplicas: 5
                  targetCPUUtilizationPercentage: 70
                podDisruptionBudget:
                  enabled: true
                  minAvailable: 1
                database:
                  url: jdbc:postgresql://postgres.databases:5432/connector
                  existingSecret: connector-database
                """);
        JsonNode podLabels = chart.the("Deployment").at("/spec/template/metadata/labels");

        JsonNode ingress = chart.the("Ingress");
        assertThat(ingress.at("/spec/ingressClassName").asString()).isEqualTo("nginx");
        assertThat(ingress.at("/spec/rules/0/host").asString()).isEqualTo("connector.example.org");
        assertThat(ingress.at("/spec/rules/0/http/paths/0/backend/service/name").asString())
                .isEqualTo(chart.the("Service").at("/metadata/name").asString());
        assertThat(ingress.at("/spec/tls/0/secretName").asString()).isEqualTo("connector-tls");

        JsonNode autoscaler = chart.the("HorizontalPodAutoscaler");
        assertThat(autoscaler.at("/spec/scaleTargetRef/name").asString())
                .isEqualTo(chart.the("Deployment").at("/metadata/name").asString());
        assertThat(autoscaler.at("/spec/minReplicas").asInt()).isEqualTo(2);
        assertThat(autoscaler.at("/spec/maxReplicas").asInt()).isEqualTo(5);
        assertThat(chart.the("Deployment").at("/spec/replicas").isMissingNode())
                .as("the autoscaler owns the replica count")
                .isTrue();

        JsonNode budget = chart.the("PodDisruptionBudget");
        assertThat(budget.at("/spec/minAvailable").asInt()).isEqualTo(1);
        assertSelects(budget.at("/spec/selector/matchLabels"), podLabels);
        assertSelects(chart.the("Service").at("/spec/selector"), podLabels);
    }

    @Test
    void claimsAPersistentVolumeForTheDataDirectoryWhenPersistenceIsOn() throws IOException {
        RenderedChart chart = render("""
                persistence:
                  enabled: true
                  storageClass: fast
                  size: 5Gi
                """);

        JsonNode claim = chart.the("PersistentVolumeClaim");
        assertThat(claim.at("/spec/resources/requests/storage").asString()).isEqualTo("5Gi");
        assertThat(claim.at("/spec/storageClassName").asString()).isEqualTo("fast");
        assertThat(chart.volumeMountedAt("/data")
                        .at("/persistentVolumeClaim/claimName")
                        .asString())
                .isEqualTo(claim.at("/metadata/name").asString());
        assertThat(chart.the("Deployment").at("/spec/strategy/type").asString())
                .as("a ReadWriteOnce volume cannot follow a rolling update across nodes")
                .isEqualTo("Recreate");
    }

    @Test
    void mountsAnExistingClaimWithoutCreatingOne() throws IOException {
        RenderedChart chart = render("""
                persistence:
                  enabled: true
                  existingClaim: connector-snapshots
                """);

        assertThat(chart.has("PersistentVolumeClaim")).isFalse();
        assertThat(chart.volumeMountedAt("/data")
                        .at("/persistentVolumeClaim/claimName")
                        .asString())
                .isEqualTo("connector-snapshots");
    }

    @Test
    void schemaRejectsUnknownSettings() {
        assertRejected("replicas: 3\n", "additional properties 'replicas' not allowed");
        assertRejected("dynamics:\n  environmentURL: https://contoso.crm.dynamics.com\n", "environmentURL");
    }

    @Test
    void schemaRejectsAnEnvironmentUrlWithoutItsCredentials() {
        assertRejected("dynamics:\n  environmentUrl: https://contoso.crm.dynamics.com\n", "existingSecret");
    }

    @Test
    void schemaRejectsPlainHttpToARemoteHost() {
        assertRejected(LIVE_VALUES.replace("https://contoso.crm4", "http://contoso.crm4"), "environmentUrl");
    }

    @Test
    void schemaRejectsWeakeningTheSecurityContext() {
        assertRejected("securityContext:\n  readOnlyRootFilesystem: false\n", "readOnlyRootFilesystem");
        assertRejected("securityContext:\n  allowPrivilegeEscalation: true\n", "allowPrivilegeEscalation");
        assertRejected("podSecurityContext:\n  runAsNonRoot: false\n", "runAsNonRoot");
        assertRejected("securityContext:\n  capabilities:\n    drop: [NET_RAW]\n", "drop");
    }

    @Test
    void schemaRejectsAClientSecretWrittenIntoValues() {
        assertRejected("extraEnv:\n  - name: DYNAMICS_CLIENT_SECRET\n    value: hunter2\n", "extraEnv");
    }

    @Test
    void schemaRejectsMalformedApplicationIds() {
        assertRejected("dynamics:\n  platformApplicationIds: [not-a-guid]\n", "platformApplicationIds");
    }

    @Test
    void installNotesTellHowToCreateTheClientSecret() throws IOException {
        String notes = installNotes(LIVE_VALUES);

        assertThat(notes)
                .contains("It governs https://contoso.crm4.dynamics.com")
                .contains("kubectl -n governance create secret generic dynamics-credentials")
                .contains("--from-literal=client-secret=")
                .doesNotContain("DEMO MODE")
                .doesNotContain("WARNING: no security.jwt.issuerUri");
    }

    @Test
    void installNotesWarnAboutDemoModeAnOpenApiAndSnapshotsInAnEmptyDir() throws IOException {
        String notes = installNotes("replicaCount: 1\n");

        assertThat(notes)
                .contains("DEMO MODE")
                .contains("WARNING: no security.jwt.issuerUri is set")
                .contains("set persistence.enabled=true");
    }

    private static final String DATABASE = """
            database:
              url: jdbc:postgresql://postgres.databases:5432/connector?sslmode=verify-full
              existingSecret: connector-database
            """;

    @Test
    void takesTheDatabaseUserPasswordAndPageTokenKeyFromTheSecretByReferenceOnly() throws IOException {
        RenderedChart chart = render(LIVE_VALUES + DATABASE + "replicaCount: 3\n");

        assertThat(chart.the("Deployment").at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(chart.env("SPRING_DATASOURCE_URL").path("value").asString())
                .isEqualTo("jdbc:postgresql://postgres.databases:5432/connector?sslmode=verify-full");
        assertThat(chart.env("CONNECTOR_SYNCS_LEASE").path("value").asString()).isEqualTo("60s");
        for (String[] secret : new String[][] {
            {"SPRING_DATASOURCE_USERNAME", "username"},
            {"SPRING_DATASOURCE_PASSWORD", "password"},
            {"CONNECTOR_PAGE_TOKEN_KEY", "page-token-key"}
        }) {
            JsonNode reference = chart.env(secret[0]).at("/valueFrom/secretKeyRef");
            assertThat(chart.env(secret[0]).has("value")).as(secret[0]).isFalse();
            assertThat(reference.path("name").asString()).as(secret[0]).isEqualTo("connector-database");
            assertThat(reference.path("key").asString()).as(secret[0]).isEqualTo(secret[1]);
        }
        assertThat(installNotes(LIVE_VALUES + DATABASE + "replicaCount: 3\n"))
                .contains("The replicas share PostgreSQL")
                .doesNotContain("emptyDir");
    }

    @Test
    void severalReplicasGetADisruptionBudgetOfTheirOwnUnlessItIsSwitchedOff() throws IOException {
        RenderedChart several = render(DATABASE + "replicaCount: 2\n");
        JsonNode budget = several.the("PodDisruptionBudget");
        assertThat(budget.at("/spec/minAvailable").asInt()).isEqualTo(1);
        assertSelects(
                budget.at("/spec/selector/matchLabels"),
                several.the("Deployment").at("/spec/template/metadata/labels"));

        assertThat(render(DATABASE + "replicaCount: 2\npodDisruptionBudget: {enabled: false}\n")
                        .kinds())
                .doesNotContain("PodDisruptionBudget");
        assertThat(render(DATABASE).kinds()).doesNotContain("PodDisruptionBudget");
    }

    @Test
    void schemaAllowsMoreThanOneReplicaOnlyWithADatabase() {
        assertRejected("replicaCount: 2\n", "database");
        assertRejected(
                "autoscaling: {enabled: true, minReplicas: 1, maxReplicas: 3, targetCPUUtilizationPercentage: 70}\n",
                "database");
        assertRejected("database: {url: 'postgres://db/connector', existingSecret: s}\n", "url");
        assertRejected("database: {url: 'jdbc:postgresql://db/connector'}\n", "existingSecret");
    }

    private String installNotes(String values) throws IOException {
        return helm.install()
                .clientOnly()
                .dryRun()
                .withName("connector")
                .withNamespace("governance")
                .withKubeVersion(KUBERNETES)
                .withValuesFile(valuesFile(values))
                .call()
                .getOutput();
    }

    private RenderedChart render() {
        return RenderedChart.parse(template().call());
    }

    private RenderedChart render(String values) throws IOException {
        return RenderedChart.parse(template().withValuesFile(valuesFile(values)).call());
    }

    private TemplateCommand template() {
        return helm.template().withName("connector").withNamespace("governance").withKubeVersion(KUBERNETES);
    }

    private Path valuesFile(String values) throws IOException {
        Path file = Files.createTempFile(valuesDirectory, "values", ".yaml");
        return Files.writeString(file, values);
    }

    private void assertRejected(String values, String reason) {
        assertThatThrownBy(() -> render(values))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining(reason);
    }

    private static void assertSelects(JsonNode selector, JsonNode labels) {
        assertThat(selector.properties()).isNotEmpty();
        selector.properties()
                .forEach(entry -> assertThat(labels.path(entry.getKey()).asString())
                        .as("pod label %s", entry.getKey())
                        .isEqualTo(entry.getValue().asString()));
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(item -> strings.add(item.asString()));
        return strings;
    }
}
