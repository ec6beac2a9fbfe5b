package dev.rollgate.bench.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the figures were measured on. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        String cpu = "unknown CPU";
        long memoryKb = 0;
        // The machine's processors, not this JVM's: the generator may run pinned to one of them.
        long cores = Runtime.getRuntime().availableProcessors();
        try {
            List<String> cpuinfo = Files.readAllLines(Path.of("/proc/cpuinfo"));
            cores = cpuinfo.stream().filter(line -> line.startsWith("processor")).count();
            for (String line : cpuinfo) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).strip();
                    break;
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memoryKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // not Linux: the description says less
        }
        return cores + " cores (" + cpu + "), " + memoryKb / 1024 / 1024
                + " GiB, Java " + Runtime.version() + ", " + System.getProperty("os.name");
    }
}
