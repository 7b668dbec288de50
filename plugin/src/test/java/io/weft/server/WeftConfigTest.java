package io.weft.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.rules.model.BridgeSettings;
import io.weft.server.api.cloudstack.ApiConfig;
import io.weft.server.api.ec2.Ec2Config;
import io.weft.server.api.port.PortApiSettings;
import io.weft.server.broker.BrokerConfig;
import io.weft.server.broker.BrokerTls;
import io.weft.server.config.ConfigException;
import io.weft.server.config.ConfigSource;
import io.weft.server.dispatch.DispatchSettings;
import io.weft.server.http.HttpConfig;
import io.weft.server.http.ListenerTls;
import io.weft.server.http.ShutdownConfig;
import io.weft.server.persistence.DatabaseConfig;
import io.weft.server.tenancy.BootstrapConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeftConfigTest {
    /** Every key, its environment variable and a non-default value; the full, pinned mapping. */
    private static final List<List<String>> KEYS = List.of(
            List.of("dataDir", "WEFT_DATA_DIR", "/srv/weft"),
            List.of("http.host", "WEFT_HTTP_HOST", "0.0.0.0"),
            List.of("http.port", "WEFT_HTTP_PORT", "9080"),
            List.of("http.cloudStackPath", "WEFT_HTTP_CLOUD_STACK_PATH", "/cs/api"),
            List.of("http.maxFormSize", "WEFT_HTTP_MAX_FORM_SIZE", "2048"),
            List.of("http.tls.keyStorePath", "WEFT_HTTP_TLS_KEY_STORE_PATH", "/etc/weft/api.p12"),
            List.of("http.tls.keyStorePassword", "WEFT_HTTP_TLS_KEY_STORE_PASSWORD", "apipw"),
            List.of("http.tls.storeType", "WEFT_HTTP_TLS_STORE_TYPE", "JKS"),
            List.of("http.tls.allowPlainHttp", "WEFT_HTTP_TLS_ALLOW_PLAIN_HTTP", "true"),
            List.of("ec2.host", "WEFT_EC2_HOST", "0.0.0.0"),
            List.of("ec2.port", "WEFT_EC2_PORT", "9788"),
            List.of("ec2.tls.keyStorePath", "WEFT_EC2_TLS_KEY_STORE_PATH", "/etc/weft/ec2.p12"),
            List.of("ec2.tls.keyStorePassword", "WEFT_EC2_TLS_KEY_STORE_PASSWORD", "ec2pw"),
            List.of("ec2.tls.storeType", "WEFT_EC2_TLS_STORE_TYPE", "PKCS12"),
            List.of("ec2.tls.allowPlainHttp", "WEFT_EC2_TLS_ALLOW_PLAIN_HTTP", "false"),
            List.of("database.url", "WEFT_DATABASE_URL", "jdbc:postgresql://db/weft"),
            List.of("database.user", "WEFT_DATABASE_USER", "app"),
            List.of("database.password", "WEFT_DATABASE_PASSWORD", "pw"),
            List.of("database.poolSize", "WEFT_DATABASE_POOL_SIZE", "20"),
            List.of("broker.embedded", "WEFT_BROKER_EMBEDDED", "false"),
            List.of("broker.host", "WEFT_BROKER_HOST", "0.0.0.0"),
            List.of("broker.port", "WEFT_BROKER_PORT", "61617"),
            List.of("broker.journalDir", "WEFT_BROKER_JOURNAL_DIR", "/var/lib/weft-broker"),
            List.of("broker.url", "WEFT_BROKER_URL", "tcp://mq:61616"),
            List.of("broker.managerUser", "WEFT_BROKER_MANAGER_USER", "mgr"),
            List.of("broker.managerPassword", "WEFT_BROKER_MANAGER_PASSWORD", "mgrpw"),
            List.of("broker.tls.keyStorePath", "WEFT_BROKER_TLS_KEY_STORE_PATH", "/etc/weft/broker.p12"),
            List.of("broker.tls.keyStorePassword", "WEFT_BROKER_TLS_KEY_STORE_PASSWORD", "kspw"),
            List.of("broker.tls.storeType", "WEFT_BROKER_TLS_STORE_TYPE", "JKS"),
            List.of("broker.tls.trustStorePath", "WEFT_BROKER_TLS_TRUST_STORE_PATH", "/etc/weft/trust.p12"),
            List.of("broker.tls.trustStorePassword", "WEFT_BROKER_TLS_TRUST_STORE_PASSWORD", "tspw"),
            List.of("broker.tls.needClientAuth", "WEFT_BROKER_TLS_NEED_CLIENT_AUTH", "true"),
            List.of("bootstrap.adminApiKey", "WEFT_BOOTSTRAP_ADMIN_API_KEY", "AK"),
            List.of("bootstrap.adminSecretKey", "WEFT_BOOTSTRAP_ADMIN_SECRET_KEY", "SK"),
            List.of("api.enforcePostRequestsAndTimestamps", "WEFT_API_ENFORCE_POST_REQUESTS_AND_TIMESTAMPS", "true"),
            List.of("api.expiresWindow", "WEFT_API_EXPIRES_WINDOW", "5m"),
            List.of("api.defaultPageSize", "WEFT_API_DEFAULT_PAGE_SIZE", "100"),
            List.of("shutdown.gracePeriod", "WEFT_SHUTDOWN_GRACE_PERIOD", "PT10S"),
            List.of("dispatch.integrationBridge", "WEFT_DISPATCH_INTEGRATION_BRIDGE", "br-int"),
            List.of("dispatch.datapathType", "WEFT_DISPATCH_DATAPATH_TYPE", "netdev"),
            List.of("dispatch.arpResponder", "WEFT_DISPATCH_ARP_RESPONDER", "false"),
            List.of("dispatch.ackTimeout", "WEFT_DISPATCH_ACK_TIMEOUT", "3s"),
            List.of("dispatch.maxRetryBackoff", "WEFT_DISPATCH_MAX_RETRY_BACKOFF", "1m"),
            List.of("dispatch.heartbeatTimeout", "WEFT_DISPATCH_HEARTBEAT_TIMEOUT", "20s"),
            List.of("dispatch.pollInterval", "WEFT_DISPATCH_POLL_INTERVAL", "20ms"),
            List.of("dispatch.leaseDuration", "WEFT_DISPATCH_LEASE_DURATION", "30s"),
            List.of("dispatch.batchSize", "WEFT_DISPATCH_BATCH_SIZE", "100"),
            List.of("compute.webhookUrl", "WEFT_COMPUTE_WEBHOOK_URL", "https://nova.example/weft-events"),
            List.of("compute.webhookSecret", "WEFT_COMPUTE_WEBHOOK_SECRET", "hooksecret"),
            List.of("compute.webhookMaxBackoff", "WEFT_COMPUTE_WEBHOOK_MAX_BACKOFF", "5m"));

    @Test
    void defaultsArePinned() {
        Path dataDir = Path.of("/tmp/weft-data");
        WeftConfig config = WeftConfig.of(Map.of("dataDir", dataDir.toString()));

        assertThat(config.dataDir()).isEqualTo(dataDir);
        assertThat(config.http()).isEqualTo(new HttpConfig("127.0.0.1", 8080, "/client/api", 1048576));
        assertThat(config.ec2()).isEqualTo(new Ec2Config("127.0.0.1", 8788));
        assertThat(config.database())
                .isEqualTo(new DatabaseConfig(
                        "jdbc:h2:file:/tmp/weft-data/db/weft;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", "weft", "", 10));
        assertThat(config.broker())
                .isEqualTo(new BrokerConfig(
                        true,
                        "127.0.0.1",
                        61616,
                        dataDir.resolve("broker"),
                        Optional.empty(),
                        "weft-manager",
                        Optional.empty()));
        assertThat(config.bootstrap()).isEqualTo(BootstrapConfig.generated(dataDir));
        assertThat(config.api()).isEqualTo(new ApiConfig(false, Duration.ofMinutes(15), 500));
        assertThat(config.shutdown()).isEqualTo(new ShutdownConfig(Duration.ofSeconds(30)));
        assertThat(config.dispatch())
                .isEqualTo(new DispatchSettings(
                        new BridgeSettings("br-weft", "system", Optional.empty(), true),
                        Duration.ofSeconds(10),
                        Duration.ofMinutes(2),
                        Duration.ofSeconds(30),
                        Duration.ofMillis(50),
                        Duration.ofSeconds(15),
                        500));
        assertThat(config.compute())
                .isEqualTo(new PortApiSettings(Optional.empty(), Optional.empty(), Duration.ofSeconds(60)));
    }

    @Test
    void dataDirDefaultsToDataUnderTheWorkingDirectory() {
        WeftConfig config = WeftConfigLoader.load(Optional.empty(), Map.of(), Map.of());
        assertThat(config.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
    }

    @Test
    void everyKeyIsReadFromTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("weft.yaml");
        Files.writeString(file, yamlOf(KEYS));

        assertFullyConfigured(WeftConfigLoader.load(Optional.of(file), Map.of(), Map.of()));
    }

    @Test
    void everyKeyIsReadFromItsEnvironmentVariable() {
        Map<String, String> environment = new LinkedHashMap<>();
        KEYS.forEach(key -> environment.put(key.get(1), key.get(2)));

        assertFullyConfigured(WeftConfigLoader.load(Optional.empty(), environment, Map.of()));
    }

    @Test
    void environmentNamesFollowTheDocumentedRule() {
        KEYS.forEach(key -> assertThat(ConfigSource.environmentName(key.get(0))).isEqualTo(key.get(1)));
    }

    @Test
    void theTableAboveListsEveryKeyThatIsRead() {
        ConfigSource source = ConfigSource.of(Map.of());
        WeftConfig.from(source);
        assertThat(source.readKeys())
                .containsExactlyInAnyOrderElementsOf(
                        KEYS.stream().map(key -> key.get(0)).toList());
    }

    @Test
    void argumentsBeatEnvironmentWhichBeatsTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("weft.yaml");
        Files.writeString(file, "dataDir: /from/file\nhttp:\n  port: 1111\n  host: 10.0.0.1\n");

        WeftConfig config = WeftConfigLoader.load(
                Optional.of(file),
                Map.of("WEFT_HTTP_PORT", "2222", "WEFT_DATA_DIR", "/from/env"),
                ServerArguments.parse("--data-dir", "/from/args").settings());

        assertThat(config.dataDir()).isEqualTo(Path.of("/from/args"));
        assertThat(config.http().port()).isEqualTo(2222);
        assertThat(config.http().host()).isEqualTo("10.0.0.1");
    }

    @Test
    void dataDirMovesTheDerivedDefaults() {
        WeftConfig config = WeftConfig.of(Map.of("dataDir", "/elsewhere"));
        assertThat(config.database().jdbcUrl()).startsWith("jdbc:h2:file:/elsewhere/db/weft;");
        assertThat(config.broker().journalDir()).isEqualTo(Path.of("/elsewhere/broker"));
        assertThat(config.bootstrap().credentialsFile()).isEqualTo(Path.of("/elsewhere/admin.credentials"));
    }

    @Test
    void unknownKeyInTheFileIsRejected(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("weft.yaml");
        Files.writeString(file, "http:\n  prot: 8080\n");

        assertThatThrownBy(() -> WeftConfigLoader.load(Optional.of(file), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("http.prot");
    }

    @Test
    void invalidValuesNameTheKeyAndTheEnvironmentVariable() {
        assertThatThrownBy(() -> WeftConfig.of(Map.of("http.port", "eighty")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("http.port")
                .hasMessageContaining("WEFT_HTTP_PORT");
        assertThatThrownBy(() -> WeftConfig.of(Map.of("broker.port", "70000"))).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> WeftConfig.of(Map.of("api.expiresWindow", "soon")))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> WeftConfig.of(Map.of("bootstrap.adminApiKey", "only-the-key")))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> WeftConfig.of(Map.of("compute.webhookUrl", "https://nova.example/events")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("webhookSecret");
        assertThatThrownBy(
                        () -> WeftConfig.of(Map.of("compute.webhookUrl", "nova/events", "compute.webhookSecret", "s")))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> WeftConfig.of(Map.of("broker.embedded", "false")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("broker.url");
    }

    @Test
    void durationsTakeUnitsOrIso() {
        assertThat(WeftConfig.of(Map.of("shutdown.gracePeriod", "1500ms"))
                        .shutdown()
                        .gracePeriod())
                .isEqualTo(Duration.ofMillis(1500));
        assertThat(WeftConfig.of(Map.of("shutdown.gracePeriod", "2h"))
                        .shutdown()
                        .gracePeriod())
                .isEqualTo(Duration.ofHours(2));
        assertThat(WeftConfig.of(Map.of("shutdown.gracePeriod", "PT1M"))
                        .shutdown()
                        .gracePeriod())
                .isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void secretsStayOutOfToString() {
        WeftConfig config = WeftConfig.of(Map.of(
                "database.password", "dbsecret",
                "broker.managerPassword", "mqsecret",
                "bootstrap.adminApiKey", "AK",
                "bootstrap.adminSecretKey", "adminsecret",
                "compute.webhookUrl", "https://nova.example/events",
                "compute.webhookSecret", "hooksecret",
                "http.tls.keyStorePath", "/etc/weft/api.p12",
                "http.tls.keyStorePassword", "apisecret"));
        assertThat(config.toString()).doesNotContain("dbsecret", "mqsecret", "adminsecret", "hooksecret", "apisecret");
    }

    @Test
    void commandLineRejectsUnknownArguments() {
        assertThatThrownBy(() -> ServerArguments.parse("--port", "1")).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> ServerArguments.parse("--config")).isInstanceOf(ConfigException.class);
        assertThat(ServerArguments.parse("--config", "w.yaml", "--data-dir=/d"))
                .isEqualTo(new ServerArguments(Optional.of(Path.of("w.yaml")), Map.of("dataDir", "/d"), false));
    }

    private static void assertFullyConfigured(WeftConfig config) {
        assertThat(config.dataDir()).isEqualTo(Path.of("/srv/weft"));
        assertThat(config.http())
                .isEqualTo(new HttpConfig(
                        "0.0.0.0",
                        9080,
                        "/cs/api",
                        2048,
                        Optional.of(new ListenerTls(Path.of("/etc/weft/api.p12"), "apipw", "JKS", true))));
        assertThat(config.ec2())
                .isEqualTo(new Ec2Config(
                        "0.0.0.0",
                        9788,
                        Optional.of(new ListenerTls(Path.of("/etc/weft/ec2.p12"), "ec2pw", "PKCS12", false))));
        assertThat(config.database()).isEqualTo(new DatabaseConfig("jdbc:postgresql://db/weft", "app", "pw", 20));
        assertThat(config.broker())
                .isEqualTo(new BrokerConfig(
                        false,
                        "0.0.0.0",
                        61617,
                        Path.of("/var/lib/weft-broker"),
                        Optional.of("tcp://mq:61616"),
                        "mgr",
                        Optional.of("mgrpw"),
                        Optional.of(new BrokerTls(
                                Path.of("/etc/weft/broker.p12"),
                                "kspw",
                                "JKS",
                                Path.of("/etc/weft/trust.p12"),
                                "tspw",
                                true))));
        assertThat(config.bootstrap())
                .isEqualTo(new BootstrapConfig(Path.of("/srv/weft"), Optional.of("AK"), Optional.of("SK")));
        assertThat(config.api()).isEqualTo(new ApiConfig(true, Duration.ofMinutes(5), 100));
        assertThat(config.shutdown()).isEqualTo(new ShutdownConfig(Duration.ofSeconds(10)));
        assertThat(config.compute())
                .isEqualTo(new PortApiSettings(
                        Optional.of(URI.create("https://nova.example/weft-events")),
                        Optional.of("hooksecret"),
                        Duration.ofMinutes(5)));
    }

    /** Nested YAML from dotted keys; top-level keys first, as in the example file. */
    static String yamlOf(List<List<String>> keys) {
        StringBuilder yaml = new StringBuilder();
        String section = "";
        for (List<String> key : keys) {
            String name = key.get(0);
            int dot = name.indexOf('.');
            if (dot < 0) {
                yaml.append(name).append(": \"").append(key.get(2)).append("\"\n");
                continue;
            }
            if (!name.substring(0, dot).equals(section)) {
                section = name.substring(0, dot);
                yaml.append(section).append(":\n");
            }
            yaml.append("  ")
                    .append(name.substring(dot + 1))
                    .append(": \"")
                    .append(key.get(2))
                    .append("\"\n");
        }
        return yaml.toString();
    }
}
