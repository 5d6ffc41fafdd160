# syntax=docker/dockerfile:1
#
# dynamics365-connector container image.
#
#   docker build -t dynamics365-connector .
#   docker run --rm -p 8080:8080 --read-only --tmpfs /tmp -v connector-data:/data dynamics365-connector
#
# Stage 1 builds the Spring Boot jar and splits it into its layers; stage 2 copies each layer on its own (the
# dependencies change rarely, the application often) onto a JRE-only base. The image holds no secret: every
# setting comes from the environment at run time (docs/operations.md). It writes only to /data (sync snapshots)
# and /tmp, so it runs with a read-only root filesystem.

ARG JDK_IMAGE=eclipse-temurin:17-jdk-jammy
ARG JRE_IMAGE=eclipse-temurin:17-jre-jammy

FROM ${JDK_IMAGE} AS build
WORKDIR /workspace
# The wrapper and the POM first, so the dependency download is cached until pom.xml changes.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp -q dependency:go-offline
COPY src src
# The build context holds no .git: the commit /actuator/info shows comes from the REVISION build argument.
ARG REVISION=unknown
RUN --mount=type=cache,target=/root/.m2 \
    printf 'git.commit.id=%s\ngit.commit.id.abbrev=%.7s\n' "${REVISION}" "${REVISION}" \
        > src/main/resources/git.properties \
    && ./mvnw -B -ntp -DskipTests -Dmaven.gitcommitid.skip=true package \
    && cp target/dynamics365-connector-*.jar application.jar \
    && java -Djarmode=tools -jar application.jar extract --layers --launcher --destination extracted

FROM ${JRE_IMAGE}
ARG VERSION=0.1.0-SNAPSHOT
ARG REVISION=unknown
LABEL org.opencontainers.image.title="dynamics365-connector" \
      org.opencontainers.image.description="Governs access in Microsoft Dynamics 365 (Dataverse): accounts, security roles, teams and who has what." \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.vendor="accessgov" \
      org.opencontainers.image.base.name="${JRE_IMAGE}"

# A fixed numeric user and group, so Kubernetes' runAsNonRoot can verify them and volume ownership is predictable.
RUN groupadd --system --gid 10001 connector \
    && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin connector \
    && mkdir -p /data \
    && chown 10001:10001 /data

WORKDIR /app
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./

# SERVER_ADDRESS: in demo mode without a token issuer the service listens on 127.0.0.1 unless told otherwise; in a
# container the network namespace is the boundary, and the port must be reachable from outside it.
ENV CONNECTOR_DATA_DIR=/data \
    SERVER_ADDRESS=0.0.0.0 \
    SERVER_PORT=8080
VOLUME ["/data"]
USER 10001:10001
EXPOSE 8080

# Extra JVM options can be passed with JAVA_TOOL_OPTIONS. Health is probed by the orchestrator (/livez, /readyz),
# so the image declares no HEALTHCHECK.
ENTRYPOINT ["java", \
    "-XX:MaxRAMPercentage=75.0", \
    "-XX:+ExitOnOutOfMemoryError", \
    "-Djava.io.tmpdir=/tmp", \
    "org.springframework.boot.loader.launch.JarLauncher"]
