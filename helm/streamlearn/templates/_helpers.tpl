{{/* Resource name prefix: release name, plus the chart name unless the release already contains it. */}}
{{- define "streamlearn.fullname" -}}
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

{{- define "streamlearn.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The headless Service that gives every pod its stable DNS name (Kafka Streams application.server). */}}
{{- define "streamlearn.headlessName" -}}
{{- printf "%s-headless" (include "streamlearn.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "streamlearn.selectorLabels" -}}
app.kubernetes.io/name: {{ include "streamlearn.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "streamlearn.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "streamlearn.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{/* Image reference; the GPU variant swaps the tag for the CUDA build's. */}}
{{- define "streamlearn.image" -}}
{{- $tag := default .Chart.AppVersion .Values.image.tag -}}
{{- if .Values.gpu.enabled -}}
{{- $tag = required "gpu.imageTag is required when gpu.enabled (the CUDA build of the image)" .Values.gpu.imageTag -}}
{{- end -}}
{{- printf "%s:%s" .Values.image.repository $tag -}}
{{- end -}}

{{/* Kafka security.protocol from the sasl/tls switches; fails on a contradictory combination. */}}
{{- define "streamlearn.securityProtocol" -}}
{{- $kafka := .Values.kafka -}}
{{- if and $kafka.sasl.enabled $kafka.tls.clientAuth.enabled -}}
{{- fail "kafka.sasl.enabled and kafka.tls.clientAuth.enabled are exclusive: authenticate with SCRAM or with a client certificate" -}}
{{- end -}}
{{- if and $kafka.tls.clientAuth.enabled (not $kafka.tls.enabled) -}}
{{- fail "kafka.tls.clientAuth.enabled needs kafka.tls.enabled" -}}
{{- end -}}
{{- if and $kafka.sasl.enabled (not (has $kafka.sasl.mechanism (list "SCRAM-SHA-512" "SCRAM-SHA-256"))) -}}
{{- fail (printf "kafka.sasl.mechanism %q is not supported: the chart builds a SCRAM login (SCRAM-SHA-512 or SCRAM-SHA-256)" $kafka.sasl.mechanism) -}}
{{- end -}}
{{- if and $kafka.sasl.enabled $kafka.tls.enabled -}}SASL_SSL
{{- else if $kafka.sasl.enabled -}}SASL_PLAINTEXT
{{- else if $kafka.tls.enabled -}}SSL
{{- else -}}PLAINTEXT
{{- end -}}
{{- end -}}

{{/* Where the truststore and keystore Secrets are mounted. */}}
{{- define "streamlearn.truststoreDir" -}}/etc/streamlearn/kafka/truststore{{- end -}}
{{- define "streamlearn.keystoreDir" -}}/etc/streamlearn/kafka/keystore{{- end -}}

{{/*
The topic files shipped in files/topics/ (a copy of the repository's topics/, kept identical by
TopicFilesAreInSyncTest), parsed: a dict from file name (without .yaml) to the KafkaTopic document.
*/}}
{{- define "streamlearn.topicFiles" -}}
{{- $topics := dict -}}
{{- range $path, $_ := .Files.Glob "files/topics/*.yaml" -}}
{{- $_ := set $topics (base $path | trimSuffix ".yaml") ($.Files.Get $path | fromYaml) -}}
{{- end -}}
{{- toJson $topics -}}
{{- end -}}

{{/*
Largest partition count among the input topics: no input topic can keep more consumers busy than
it has partitions, so this is the most pods that scaling on input lag can usefully add.
*/}}
{{- define "streamlearn.inputPartitionCap" -}}
{{- $files := include "streamlearn.topicFiles" . | fromJson -}}
{{- $cap := 0 -}}
{{- range .Values.topics.inputs -}}
{{- $topic := required (printf "topics.inputs names %q, which has no file under files/topics/" .) (get $files .) -}}
{{- $cap = max $cap (int $topic.spec.partitions) -}}
{{- end -}}
{{- $cap -}}
{{- end -}}

{{/* A values.yaml scalar as Java properties text: YAML whole numbers arrive as floats (1e+06), print them whole. */}}
{{- define "streamlearn.propertyValue" -}}
{{- if and (kindIs "float64" .) (eq . (floor .)) -}}
{{- . | int64 -}}
{{- else -}}
{{- . -}}
{{- end -}}
{{- end -}}
