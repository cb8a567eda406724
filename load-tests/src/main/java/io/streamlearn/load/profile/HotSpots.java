package io.streamlearn.load.profile;

import java.util.List;

/**
 * Where the service spent its CPU under load, from JFR execution samples.
 *
 * @param recording the JFR file
 * @param samples execution samples in it
 * @param topFrames methods on top of the stack (self time)
 * @param serviceMethods the service's own methods anywhere on the stack (inclusive time)
 * @param callSites top frame together with the innermost service frame (and its line) below it: which
 *     line of the service's code a library hot spot is spent for
 * @param threads samples per thread (stream thread, broker threads, ...)
 */
public record HotSpots(String recording, long samples, List<HotSpot> topFrames, List<HotSpot> serviceMethods,
        List<HotSpot> callSites, List<HotSpot> threads) {
}
