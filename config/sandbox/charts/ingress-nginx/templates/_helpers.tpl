{{/* Release-derived names, as upstream derives them: the release name alone when it already
contains the chart name (release "ingress-nginx" -> "ingress-nginx"). */}}
{{- define "stand-in.fullname" -}}
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

{{- define "stand-in.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "stand-in.namespace" -}}
{{- default .Release.Namespace .Values.namespaceOverride -}}
{{- end -}}

{{- define "stand-in.controllerName" -}}
{{- printf "%s-%s" (include "stand-in.fullname" .) .Values.controller.name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "stand-in.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "stand-in.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "stand-in.selectorLabels" -}}
app.kubernetes.io/name: {{ include "stand-in.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Labels on every object: chart, selector labels, version, part-of, managed-by, then commonLabels. */}}
{{- define "stand-in.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "stand-in.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: {{ include "stand-in.name" . }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "stand-in.controllerSelector" -}}
{{ include "stand-in.selectorLabels" . }}
app.kubernetes.io/component: controller
{{- end -}}

{{- define "stand-in.webhookHookAnnotations" -}}
"helm.sh/hook": pre-install,pre-upgrade,post-install,post-upgrade
"helm.sh/hook-delete-policy": before-hook-creation,hook-succeeded
{{- end -}}

{{- define "stand-in.webhookSecretName" -}}
{{- printf "%s-admission" (include "stand-in.fullname" .) -}}
{{- end -}}
