package io.weft.bench.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {
    @Test
    void sizeDecidesTheDefaults() {
        BenchOptions small = BenchOptions.parse("s", "--repository", "/repo");
        BenchOptions medium = BenchOptions.parse("M", "--repository", "/repo");
        BenchOptions large = BenchOptions.parse("L", "--repository", "/repo");

        assertThat(small.shape().hosts()).isEqualTo(100);
        assertThat(small.streamDuration()).isEqualTo(Duration.ofSeconds(15));
        assertThat(medium.repeats()).isEqualTo(5);
        assertThat(medium.streamDuration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(large.streamDuration()).isZero();
        assertThat(large.outputDirectory()).isEqualTo(Path.of("/repo/docs/bench"));
        assertThat(large.performancePage()).isEqualTo(Path.of("/repo/docs/performance.md"));
        assertThat(small.changesPerSecond()).isEqualTo(20);
        assertThat(small.seed()).isEqualTo(BenchOptions.DEFAULT_SEED);
    }

    @Test
    void optionsOverrideTheDefaults() {
        BenchOptions options = BenchOptions.parse(
                "M",
                "--vs-ovn",
                "--skip-server",
                "--seed",
                "7",
                "--repeats",
                "2",
                "--duration",
                "60",
                "--rate",
                "5",
                "--repository",
                "/repo",
                "--out",
                "/tmp/out",
                "--page",
                "page.md");

        assertThat(options.versusOvn()).isTrue();
        assertThat(options.skipServer()).isTrue();
        assertThat(options.seed()).isEqualTo(7);
        assertThat(options.repeats()).isEqualTo(2);
        assertThat(options.streamDuration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.changesPerSecond()).isEqualTo(5);
        assertThat(options.outputDirectory()).isEqualTo(Path.of("/tmp/out"));
        assertThat(options.performancePage()).isEqualTo(Path.of("/repo/page.md"));
    }

    @Test
    void badArgumentsAreRefusedWithTheReason() {
        assertThatThrownBy(BenchOptions::parse).hasMessageContaining("S, M or L");
        assertThatThrownBy(() -> BenchOptions.parse("XL")).hasMessageContaining("unknown scenario size 'XL'");
        assertThatThrownBy(() -> BenchOptions.parse("S", "M")).hasMessageContaining("unexpected argument 'M'");
        assertThatThrownBy(() -> BenchOptions.parse("S", "--repeats", "0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> BenchOptions.parse("S", "--seed")).hasMessageContaining("needs a value");
    }
}
