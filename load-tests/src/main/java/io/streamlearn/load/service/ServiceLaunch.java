package io.streamlearn.load.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How to start one service instance for one guarantee.
 *
 * @param jar the Quarkus runner ({@code target/quarkus-app/quarkus-run.jar})
 * @param workDir fresh working directory: the embedded broker's data and the state stores go here
 * @param guarantee exactly_once_v2 or at_least_once
 * @param bootstrapServers an existing cluster, or empty for the service's embedded broker
 * @param brokerPort port of the embedded broker (its controller takes the next one)
 * @param httpPort the service's HTTP port (health checks)
 * @param jvmArgs extra JVM options, e.g. a heap size
 */
public record ServiceLaunch(Path jar, Path workDir, String guarantee, Optional<String> bootstrapServers,
        int brokerPort, int httpPort, List<String> jvmArgs) {

    public String effectiveBootstrapServers() {
        return bootstrapServers.orElse("localhost:" + brokerPort);
    }
}
