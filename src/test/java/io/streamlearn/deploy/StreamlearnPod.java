package io.streamlearn.deploy;

import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/** The rendered StatefulSet's pod template, seen from the one service container. */
record StreamlearnPod(StatefulSet statefulSet, PodSpec spec, Container container) {

    static StreamlearnPod of(RenderedManifests manifests) {
        StatefulSet statefulSet = manifests.only(StatefulSet.class);
        PodSpec spec = statefulSet.getSpec().getTemplate().getSpec();
        Container container = spec.getContainers().stream()
                .filter(candidate -> candidate.getName().equals("streamlearn"))
                .findFirst().orElseThrow(() -> new AssertionError("no container named streamlearn"));
        return new StreamlearnPod(statefulSet, spec, container);
    }

    Optional<EnvVar> env(String name) {
        return container.getEnv().stream().filter(variable -> variable.getName().equals(name)).findFirst();
    }

    /** The literal value of an environment variable that must be set literally. */
    String envValue(String name) {
        EnvVar variable = env(name).orElseThrow(() -> new AssertionError("env " + name + " is not set"));
        if (variable.getValue() == null) {
            throw new AssertionError("env " + name + " has no literal value");
        }
        return variable.getValue();
    }

    List<String> envNames() {
        return container.getEnv().stream().map(EnvVar::getName).toList();
    }

    VolumeMount mount(String volume) {
        return container.getVolumeMounts().stream().filter(mount -> mount.getName().equals(volume)).findFirst()
                .orElseThrow(() -> new AssertionError("no mount of volume " + volume));
    }
}
