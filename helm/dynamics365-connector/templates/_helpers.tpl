{{/* The chart's name, overridable with nameOverride. */}}
{{- define "connector.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The release's full name: fullnameOverride, or the release name (prefixed with the chart name unless it has it). */}}
{{- define "connector.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "connector.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "connector.selectorLabels" -}}
app.kubernetes.io/name: {{ include "connector.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "connector.labels" -}}
helm.sh/chart: {{ include "connector.chart" . }}
{{ include "connector.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "connector.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "connector.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "connector.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/* True (non-empty) when more than one pod can run at a time. */}}
{{- define "connector.multiReplica" -}}
{{- if or (and .Values.autoscaling.enabled (gt (int .Values.autoscaling.maxReplicas) 1)) (and (not .Values.autoscaling.enabled) (gt (int .Values.replicaCount) 1)) }}true{{- end }}
{{- end }}

{{/* The container's environment: the service's settings (docs/api.md §1) from values; the secret by reference only. */}}
{{- define "connector.env" -}}
- name: CONNECTOR_DATA_DIR
  value: /data
- name: SERVER_PORT
  value: "8080"
{{- with .Values.dynamics }}
{{- if .environmentUrl }}
- name: DYNAMICS_ENVIRONMENT_URL
  value: {{ .environmentUrl | quote }}
- name: DYNAMICS_TENANT_ID
  value: {{ required "dynamics.tenantId is required with dynamics.environmentUrl" .tenantId | quote }}
- name: DYNAMICS_CLIENT_ID
  value: {{ required "dynamics.clientId is required with dynamics.environmentUrl" .clientId | quote }}
- name: DYNAMICS_CLIENT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ required "dynamics.existingSecret (a Secret holding the client secret) is required with dynamics.environmentUrl" .existingSecret | quote }}
      key: {{ .existingSecretKey | quote }}
{{- end }}
{{- if .authorityUrl }}
- name: DYNAMICS_AUTHORITY_URL
  value: {{ .authorityUrl | quote }}
{{- end }}
- name: DYNAMICS_INCLUDE_SYSTEM_ACCOUNTS
  value: {{ .includeSystemAccounts | quote }}
{{- if .platformApplicationIds }}
- name: DYNAMICS_PLATFORM_APPLICATION_IDS
  value: {{ join "," .platformApplicationIds | quote }}
{{- end }}
{{- if .defaultEnvironment }}
- name: DYNAMICS_DEFAULT_ENVIRONMENT
  value: {{ .defaultEnvironment | quote }}
{{- end }}
{{- if .environments }}
{{- range $index, $environment := .environments }}
- name: {{ printf "CONNECTOR_ENVIRONMENT_%d_CLIENT_SECRET" $index }}
  valueFrom:
    secretKeyRef:
      name: {{ $environment.existingSecret | quote }}
      key: {{ default "client-secret" $environment.existingSecretKey | quote }}
{{- end }}
{{- /* Names may hold dashes, which environment variable names cannot carry: the settings go in as JSON, each
       secret as a placeholder that Spring resolves from the variable above. */}}
- name: SPRING_APPLICATION_JSON
  value: {{ include "connector.environmentsJson" . | quote }}
{{- end }}
{{- end }}
{{- with .Values.security }}
{{- if .jwt.issuerUri }}
- name: SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI
  value: {{ .jwt.issuerUri | quote }}
{{- end }}
{{- if .jwt.jwkSetUri }}
- name: SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI
  value: {{ .jwt.jwkSetUri | quote }}
{{- end }}
{{- if .jwt.audiences }}
- name: SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES
  value: {{ join "," .jwt.audiences | quote }}
{{- end }}
- name: CONNECTOR_SECURITY_ALLOW_ANONYMOUS
  value: {{ .allowAnonymous | quote }}
{{- end }}
{{- with .Values.database }}
{{- if .url }}
- name: SPRING_DATASOURCE_URL
  value: {{ .url | quote }}
- name: SPRING_DATASOURCE_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ required "database.existingSecret (a Secret holding the database user, password and page-token key) is required with database.url" .existingSecret | quote }}
      key: {{ .usernameKey | quote }}
- name: SPRING_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .existingSecret | quote }}
      key: {{ .passwordKey | quote }}
- name: CONNECTOR_PAGE_TOKEN_KEY
  valueFrom:
    secretKeyRef:
      name: {{ .existingSecret | quote }}
      key: {{ .pageTokenKeyKey | quote }}
- name: CONNECTOR_SYNCS_LEASE
  value: {{ .syncLease | quote }}
{{- end }}
{{- end }}
{{- with .Values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* The named environments as Spring properties in JSON: {"dynamics":{"environments":{"<name>":{…}}}}. */}}
{{- define "connector.environmentsJson" -}}
{{- $environments := dict }}
{{- range $index, $environment := .environments }}
{{- $settings := dict "environment-url" $environment.environmentUrl "tenant-id" $environment.tenantId "client-id" $environment.clientId "client-secret" (printf "${CONNECTOR_ENVIRONMENT_%d_CLIENT_SECRET}" $index) }}
{{- if $environment.authorityUrl }}{{- $_ := set $settings "authority-url" $environment.authorityUrl }}{{- end }}
{{- if hasKey $environment "includeSystemAccounts" }}{{- $_ := set $settings "include-system-accounts" $environment.includeSystemAccounts }}{{- end }}
{{- if $environment.platformApplicationIds }}{{- $_ := set $settings "platform-application-ids" $environment.platformApplicationIds }}{{- end }}
{{- $_ := set $environments $environment.name $settings }}
{{- end }}
{{- dict "dynamics" (dict "environments" $environments) | toJson }}
{{- end }}
