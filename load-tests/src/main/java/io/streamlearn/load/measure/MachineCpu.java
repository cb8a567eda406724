package io.streamlearn.load.measure;

/**
 * The whole machine's CPU over one phase: every process on it (producer, consumer, broker, service
 * or baseline, anything else running).
 *
 * @param seconds length of the phase
 * @param busyCores cores busy on average
 * @param stealCores cores the hypervisor took on average (a slow phase with high steal says more
 *     about the host than about the system measured)
 */
public record MachineCpu(double seconds, double busyCores, double stealCores) {

    /** Machine CPU time per event, in microseconds, for {@code events} events handled in the phase. */
    public double microsPerEvent(long events) {
        return events <= 0 ? 0 : busyCores * seconds * 1e6 / events;
    }
}
