package dev.rollgate.bench.jmh;

import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.version.Version;
import dev.rollgate.gateway.resolve.Audience;
import dev.rollgate.gateway.resolve.ClientContext;
import dev.rollgate.gateway.resolve.CompiledSegment;
import dev.rollgate.gateway.resolve.Resolution;
import dev.rollgate.gateway.resolve.Resolver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Nanoseconds to resolve every package of a typical segment for one client: the evaluator's own cost, with
 * whitelist and slot answers given at once (in the gateway they are Redis round trips).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ResolutionBenchmark {

    private static final Audience INSTANT = new FixedAudience(true);

    private CompiledSegment segment;
    private ClientContext matching;
    private ClientContext baselineOnly;

    @Setup
    public void setUp() {
        segment = CompiledSegment.of(TypicalSegment.build("bench", Platform.ANDROID, 1, "w1"));
        matching = new ClientContext(Platform.ANDROID, Version.parse("10.2.0"), "u1", "d1", "Hangzhou", "SM-S918B",
                "WIFI", "14", Map.of("channel", "beta", "battery", "80"), Set.of(), Instant.now());
        baselineOnly = new ClientContext(Platform.ANDROID, Version.parse("10.2.0"), "u2", "d2", "Paris", "iPhone15",
                "4G", "11", Map.of(), Set.of(), Instant.now());
    }

    @Benchmark
    public List<Resolution> resolveAClientTheRulesLetIn() {
        return Resolver.resolve(segment, matching, INSTANT).await().indefinitely();
    }

    @Benchmark
    public List<Resolution> resolveAClientThatGetsTheBaselines() {
        return Resolver.resolve(segment, baselineOnly, INSTANT).await().indefinitely();
    }

    @Benchmark
    public CompiledSegment compileTheSegment() {
        return CompiledSegment.of(TypicalSegment.build("bench", Platform.ANDROID, 1, "w1"));
    }
}
