package dev.rollgate.bench.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time a server process has used so far, user and system, from Linux's {@code /proc/<pid>/stat}.
 * Divided by the requests it answered meanwhile, it says what a request costs the server, whatever
 * bounded the generator: a throughput figure alone cannot tell a busy server from a slow generator.
 */
final class ProcessCpu {

    /** Clock ticks per second in /proc's counters: USER_HZ, 100 on every Linux architecture in use. */
    private static final double TICKS_PER_SECOND = 100;
    /** utime and stime, counted from the field after the command name's closing parenthesis (state). */
    private static final int UTIME = 11;
    private static final int STIME = 12;

    private final Path stat;

    private ProcessCpu(Path stat) {
        this.stat = stat;
    }

    /** @param pidFile a file holding the process id, as deploy/local keeps them */
    static ProcessCpu ofPidFile(Path pidFile) {
        try {
            return new ProcessCpu(Path.of("/proc", Files.readString(pidFile).strip(), "stat"));
        } catch (IOException e) {
            throw new UncheckedIOException("no process id in " + pidFile, e);
        }
    }

    /** Seconds of CPU the process has used since it started. */
    double seconds() {
        try {
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[UTIME]) + Long.parseLong(fields[STIME])) / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + stat, e);
        }
    }
}
