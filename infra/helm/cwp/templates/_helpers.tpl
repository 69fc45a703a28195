{{/* Common labels of every object of one service and component (api | worker | migrate). */}}
{{- define "cwp.labels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
app.kubernetes.io/part-of: cwp
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{- define "cwp.selector" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "cwp.fullname" -}}
{{ printf "%s-%s" .root.Release.Name .name | trunc 52 | trimSuffix "-" }}
{{- end -}}

{{- define "cwp.secretName" -}}
{{ .Values.existingSecret | default (printf "%s-cwp-secrets" .Release.Name) }}
{{- end -}}

{{- define "cwp.image" -}}
{{ printf "%s/%s:%s" .root.Values.image.repository .name .root.Values.image.tag }}
{{- end -}}

{{/* The container every component runs: same image, env and volumes; component-specific env added by the caller. */}}
{{- define "cwp.container" -}}
name: {{ .name }}
image: {{ include "cwp.image" . }}
imagePullPolicy: {{ .root.Values.image.pullPolicy }}
envFrom:
  - configMapRef:
      name: {{ .root.Release.Name }}-cwp-config
  - secretRef:
      name: {{ include "cwp.secretName" .root }}
env:
  - name: PORT
    value: {{ .svc.port | quote }}
  - name: SERVICE_NAME
    value: {{ .name | quote }}
{{- range $k, $v := .env }}
  - name: {{ $k }}
    value: {{ $v | quote }}
{{- end }}
securityContext:
  runAsNonRoot: true
  runAsUser: 1000
  allowPrivilegeEscalation: false
  readOnlyRootFilesystem: true
  capabilities:
    drop: ["ALL"]
volumeMounts:
  - name: state
    mountPath: /var/lib/cwp
  - name: tmp
    mountPath: /tmp
{{- end -}}

{{- define "cwp.volumes" -}}
volumes:
  - name: state
    emptyDir: {}
  - name: tmp
    emptyDir: {}
{{- end -}}
