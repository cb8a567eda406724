package io.streamlearn.load.service;

import java.io.IOException;
import java.net.ServerSocket;

/**
 * Free local ports, so the harness never collides with a service someone else runs on the default
 * 9092/8080 of a shared machine.
 */
public final class FreePorts {

    private FreePorts() {
    }

    /** A port {@code p} with {@code p} and {@code p + 1} free (the embedded broker's controller takes p + 1). */
    public static int pair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = any();
            if (port < 65535 && isFree(port + 1)) {
                return port;
            }
        }
        throw new IOException("no two adjacent free ports found");
    }

    public static int any() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
