package vn.lienthong.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's CPU time so far (user + system, all threads), read from {@code /proc/PID/stat}
 * fields 14 and 15. Benchmarks report CPU per unit of work from two readings, so a busy, shared
 * machine changes the wall time of a run but not what each unit cost.
 */
record ProcessCpu(long pid) {

    /** Linux's USER_HZ; 100 on every kernel this project runs on. */
    private static final long TICKS_PER_SECOND = 100;

    static ProcessCpu of(long pid) {
        if (pid <= 0) {
            throw new IllegalArgumentException("No gateway process id: run with -Dlienthong.load.gateway-pid=PID");
        }
        return new ProcessCpu(pid);
    }

    static ProcessCpu self() {
        return new ProcessCpu(ProcessHandle.current().pid());
    }

    /** CPU time used so far, in nanoseconds (10 ms resolution). */
    long nanos() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * (1_000_000_000L / TICKS_PER_SECOND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the CPU time of process " + pid, e);
        }
    }
}
