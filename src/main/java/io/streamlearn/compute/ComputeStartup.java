package io.streamlearn.compute;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.streamlearn.kafka.StreamlearnConfig;

/**
 * Applies {@code streamlearn.compute.openblas-core-type} and {@code streamlearn.compute.native-threads}
 * before any model is created.
 */
@ApplicationScoped
public class ComputeStartup {

    private static final Logger LOG = Logger.getLogger(ComputeStartup.class);

    @Inject
    StreamlearnConfig config;

    void prepareNativeCompute(@Observes @Priority(5) StartupEvent event) {
        chooseKernels();
        limitNativeThreads();
    }

    private void chooseKernels() {
        OpenBlasKernels.Choice choice = OpenBlasKernels.apply(config.compute().openblasCoreType());
        if (choice.took()) {
            LOG.infof("OpenBLAS kernels: %s (%s)", choice.running(), choice.reason());
        } else {
            LOG.warnf("OpenBLAS kernels: %s, not %s (%s): OpenBLAS had loaded before they were chosen",
                    choice.running(), choice.coreType().orElseThrow(), choice.reason());
        }
    }

    private void limitNativeThreads() {
        int threads = config.compute().nativeThreads();
        NativeThreads.limitTo(threads);
        LOG.infof("ND4J CPU backend: %d native thread(s) per operation", threads);
    }
}
