package io.spineintake.bench.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The probe's clocks, without java.lang.management (loading JMX would cost both sides of a pair
 * tens of milliseconds that neither would pay in Lambda): wall time is {@link System#nanoTime()},
 * which on Linux is CLOCK_MONOTONIC and so comparable with the parent's reading taken just before
 * it started this JVM; CPU is the process's user + system time from /proc/self/stat, in clock ticks
 * (10 ms each, all threads, GC and JIT included).
 */
final class ProbeClock {
    private ProbeClock() {
    }

    /** User + system CPU of this process so far, in milliseconds (10 ms resolution); -1 when unknown. */
    static long cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // the command name (field 2) is in parentheses and may hold spaces: count from its end
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
            return ticks * 10;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
