package io.streamlearn.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.marcnuri.helm.jni.NativeLibrary;

/**
 * helm-java falls back to downloading its native library from Maven Central when none is on the
 * classpath. The build must never depend on that: the platform jar (linux-amd64 here, picked by
 * helm-java's OS profile) has to be found locally.
 */
class HelmRunsOfflineTest {

    @Test
    void helmNativeLibraryIsFoundOnTheClasspathWithoutDownloading() {
        NativeLibrary library = NativeLibrary.serviceProviderLibrary(Thread.currentThread().getContextClassLoader());

        assertThat(library).as("no helm-java platform jar on the test classpath").isNotNull();
        assertThat(library.getClass().getResource("/" + library.getBinaryName())).isNotNull();
    }
}
