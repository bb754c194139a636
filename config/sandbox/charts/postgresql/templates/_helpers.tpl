{{/* Names as upstream derives them: "<release>-postgresql", or the release name alone when it
already contains "postgresql". */}}
{{- define "pg.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "pg.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "pg.selectorLabels" -}}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/name: {{ include "pg.name" . }}
{{- end -}}

{{- define "pg.labels" -}}
{{ include "pg.selectorLabels" . }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Chart.AppVersion }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "pg.primarySelector" -}}
{{ include "pg.selectorLabels" . }}
app.kubernetes.io/component: primary
{{- end -}}

{{/* global.postgresql.auth.* wins over auth.*, as in the upstream chart. */}}
{{- define "pg.username" -}}
{{- default .Values.auth.username .Values.global.postgresql.auth.username -}}
{{- end -}}
{{- define "pg.database" -}}
{{- default .Values.auth.database .Values.global.postgresql.auth.database -}}
{{- end -}}
{{- define "pg.existingSecret" -}}
{{- default .Values.auth.existingSecret .Values.global.postgresql.auth.existingSecret -}}
{{- end -}}
{{- define "pg.secretName" -}}
{{- default (include "pg.fullname" .) (include "pg.existingSecret" .) -}}
{{- end -}}
{{- define "pg.adminPasswordKey" -}}
{{- if include "pg.existingSecret" . -}}
{{- default .Values.auth.secretKeys.adminPasswordKey .Values.global.postgresql.auth.secretKeys.adminPasswordKey -}}
{{- else -}}postgres-password{{- end -}}
{{- end -}}
{{- define "pg.userPasswordKey" -}}
{{- if include "pg.existingSecret" . -}}
{{- default "password" (default .Values.auth.secretKeys.userPasswordKey .Values.global.postgresql.auth.secretKeys.userPasswordKey) -}}
{{- else -}}password{{- end -}}
{{- end -}}

{{- define "pg.image" -}}
{{- printf "%s/%s:%s" .Values.image.registry .Values.image.repository .Values.image.tag -}}
{{- end -}}
