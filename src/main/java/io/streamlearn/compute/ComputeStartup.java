package io.streamlearn.compute;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.streamlearn.kafka.StreamlearnConfig;

/** Applies {@code streamlearn.compute.native-threads} before any model is created. */
@ApplicationScoped
public class ComputeStartup {

    private static final Logger LOG = Logger.getLogger(ComputeStartup.class);

    @Inject
    StreamlearnConfig config;

    void limitNativeThreads(@Observes @Priority(5) StartupEvent event) {
        int threads = config.compute().nativeThreads();
        NativeThreads.limitTo(threads);
        LOG.infof("ND4J CPU backend: %d native thread(s) per operation", threads);
    }
}
