package dev.rollgate.bench.jmh;

import dev.rollgate.contracts.version.Version;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/** Nanoseconds to parse a version and to compare two. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class VersionBenchmark {

    private final String text = "10.2.13.4";
    private final String preRelease = "1.0.0-rc.1";
    private final Version left = Version.parse("10.2.13.4");
    private final Version right = Version.parse("10.2.13.10");

    @Benchmark
    public Version parse() {
        return Version.parse(text);
    }

    @Benchmark
    public Version parsePreRelease() {
        return Version.parse(preRelease);
    }

    @Benchmark
    public int compare() {
        return left.compareTo(right);
    }
}
