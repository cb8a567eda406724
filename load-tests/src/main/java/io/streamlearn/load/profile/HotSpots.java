package io.streamlearn.load.profile;

import java.util.List;

/**
 * Where the service spent its CPU under load, from JFR execution samples.
 *
 * @param recording the JFR file
 * @param samples execution samples in it
 * @param topFrames methods on top of the stack (self time)
 * @param serviceMethods the service's own methods anywhere on the stack (inclusive time)
 * @param threads samples per thread (stream thread, broker threads, ...)
 */
public record HotSpots(String recording, long samples, List<HotSpot> topFrames, List<HotSpot> serviceMethods,
        List<HotSpot> threads) {
}
