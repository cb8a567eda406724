package io.streamlearn.deploy;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

/**
 * Runs the real Helm (helm-java embeds Helm's Go code as a native library) on the chart under
 * {@code helm/streamlearn}, the way {@code helm template} would, with a fixed release name and namespace.
 */
final class ChartRenderer {

    static final Path CHART = Path.of("helm", "streamlearn");
    static final Path VALUES = Path.of("src", "test", "resources", "deploy");
    static final String RELEASE = "sl";
    static final String NAMESPACE = "ml";
    /** helm template assumes an old Kubernetes (v1.20) unless told; the chart needs 1.25+. */
    static final String KUBERNETES_VERSION = "1.30.0";
    private static final Map<String, RenderedManifests> RENDERED = new ConcurrentHashMap<>();

    private ChartRenderer() {
    }

    static String render(String valuesFile) {
        return render(valuesFile, Map.of());
    }

    /** Renders with the chart's values.yaml, overlaid by {@code valuesFile} (if any) and then {@code sets}. */
    static String render(String valuesFile, Map<String, Object> sets) {
        return renderValuesAt(valuesFile == null ? null : VALUES.resolve(valuesFile), sets);
    }

    static String renderValuesAt(Path valuesFile, Map<String, Object> sets) {
        TemplateCommand template = new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeVersion(KUBERNETES_VERSION);
        if (valuesFile != null) {
            template = template.withValuesFile(valuesFile);
        }
        for (Map.Entry<String, Object> set : sets.entrySet()) {
            template = template.set(set.getKey(), set.getValue());
        }
        return template.call();
    }

    /** Parsed rendering, cached per values file: every rendering loads Helm's chart machinery anew. */
    static RenderedManifests manifests(String valuesFile) {
        return RENDERED.computeIfAbsent(valuesFile == null ? "" : valuesFile,
                key -> RenderedManifests.parse(render(valuesFile)));
    }

    static LintResult lint() {
        return new Helm(CHART).lint().strict().call();
    }
}
