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
record ProcessCpu(long pid, boolean withChildren) {

    /** Linux's USER_HZ; 100 on every kernel this project runs on. */
    private static final long TICKS_PER_SECOND = 100;

    static ProcessCpu of(long pid) {
        if (pid <= 0) {
            throw new IllegalArgumentException("No gateway process id: run with -Dlienthong.load.gateway-pid=PID");
        }
        return new ProcessCpu(pid, false);
    }

    /**
     * A server made of processes, such as PostgreSQL's postmaster and its backends: the parent's time,
     * its children's that ended (fields 16 and 17), and its live children's. Zero without a pid.
     */
    static ProcessCpu tree(long pid) {
        return new ProcessCpu(pid, true);
    }

    static ProcessCpu self() {
        return new ProcessCpu(ProcessHandle.current().pid(), false);
    }

    /** CPU time used so far, in nanoseconds (10 ms resolution). */
    long nanos() {
        if (pid <= 0) {
            return 0;
        }
        String[] own = fields(pid);
        long ticks = Long.parseLong(own[11]) + Long.parseLong(own[12]);
        if (withChildren) {
            ticks += Long.parseLong(own[13]) + Long.parseLong(own[14]);
            ticks += ProcessHandle.of(pid).stream().flatMap(ProcessHandle::children).mapToLong(child -> {
                try {
                    String[] f = fields(child.pid());
                    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
                } catch (UncheckedIOException gone) {
                    return 0; // it ended meanwhile: its time is in the parent's fields 16 and 17 now
                }
            }).sum();
        }
        return ticks * (1_000_000_000L / TICKS_PER_SECOND);
    }

    /** The fields of /proc/PID/stat after the command name, numbered from field 3 (index 0). */
    private static String[] fields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the CPU time of process " + pid, e);
        }
    }
}
