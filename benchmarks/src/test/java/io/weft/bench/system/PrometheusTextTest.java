package io.weft.bench.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {
    private static final String METRICS = String.join(
            "\n",
            "# HELP weft_dispatch_updates_sent_total",
            "# TYPE weft_dispatch_updates_sent_total counter",
            "weft_dispatch_updates_sent_total 1000.0",
            "weft_dispatch_updates_sent_bytes 5.0",
            "weft_dispatch_leader 1.0",
            "jvm_memory_used_bytes{area=\"heap\",id=\"G1 Eden Space\"} 1048576.0",
            "jvm_memory_used_bytes{area=\"heap\",id=\"G1 Old Gen\"} 2097152.0",
            "jvm_memory_used_bytes{area=\"nonheap\",id=\"Metaspace\"} 4194304.0",
            "");

    @Test
    void aCounterIsReadByItsMeterNameAndNoOtherMeterStartingTheSame() {
        assertThat(PrometheusText.sum(METRICS, "weft_dispatch_updates_sent", ""))
                .isEqualTo(1000.0);
        assertThat(PrometheusText.sum(METRICS, "weft_dispatch_leader", "")).isEqualTo(1.0);
    }

    @Test
    void samplesWhoseLabelsMatchAreSummed() {
        assertThat(PrometheusText.sum(METRICS, "jvm_memory_used_bytes", "area=\"heap\""))
                .isEqualTo(3145728.0);
    }

    @Test
    void anAbsentMeterIsZero() {
        assertThat(PrometheusText.sum(METRICS, "weft_dispatch_send_failures", ""))
                .isZero();
    }

    @Test
    void settingsBecomeTheEnvironmentVariablesTheServerReads() {
        assertThat(ServerProcess.environmentName("http.port")).isEqualTo("WEFT_HTTP_PORT");
        assertThat(ServerProcess.environmentName("dispatch.ackTimeout")).isEqualTo("WEFT_DISPATCH_ACK_TIMEOUT");
        assertThat(ServerProcess.environmentName("dataDir")).isEqualTo("WEFT_DATA_DIR");
        assertThat(ServerProcess.environmentName("database.poolSize")).isEqualTo("WEFT_DATABASE_POOL_SIZE");
    }
}
