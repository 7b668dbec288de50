package io.weft.agent;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The agent's configuration. Sources, later ones winning: a properties file ({@code --config}),
 * environment variables ({@code WEFT_AGENT_<KEY>}, e.g. {@code WEFT_AGENT_HOST_ID}), then
 * command-line arguments ({@code --host-id=h1} or {@code --host-id h1}).
 */
public record AgentConfig(
        String hostId,
        String brokerUrl,
        String username,
        String password,
        Path stateDir,
        DataplaneKind dataplane,
        String ovsDb,
        Optional<Path> ovsRunDir,
        Optional<Path> ovsVswitchdControl,
        Optional<String> namespace,
        String integrationBridge,
        int vethMtu,
        Duration resyncPeriod,
        Duration heartbeatPeriod,
        Duration commandTimeout) {

    public enum DataplaneKind {
        LINUX,
        MEMORY
    }

    /** Every key with its default ("" = required or absent) and meaning, in --help order. */
    public static final Map<String, String[]> KEYS = keys();

    public AgentConfig {
        requireNonNull(hostId, "hostId is null");
        requireNonNull(brokerUrl, "brokerUrl is null");
        requireNonNull(username, "username is null");
        requireNonNull(password, "password is null");
        requireNonNull(stateDir, "stateDir is null");
        requireNonNull(dataplane, "dataplane is null");
        requireNonNull(ovsDb, "ovsDb is null");
        requireNonNull(ovsRunDir, "ovsRunDir is null");
        requireNonNull(ovsVswitchdControl, "ovsVswitchdControl is null");
        requireNonNull(namespace, "namespace is null");
        requireNonNull(integrationBridge, "integrationBridge is null");
        requireNonNull(resyncPeriod, "resyncPeriod is null");
        requireNonNull(heartbeatPeriod, "heartbeatPeriod is null");
        requireNonNull(commandTimeout, "commandTimeout is null");
        if (hostId.isBlank()) {
            throw new IllegalArgumentException("host-id is required");
        }
        if (resyncPeriod.isZero()
                || resyncPeriod.isNegative()
                || heartbeatPeriod.isZero()
                || heartbeatPeriod.isNegative()) {
            throw new IllegalArgumentException("periods must be positive");
        }
    }

    private static Map<String, String[]> keys() {
        Map<String, String[]> keys = new LinkedHashMap<>();
        keys.put("host-id", new String[] {"", "this host's id; the agent consumes queue weft.host.<host-id>"});
        keys.put("broker-url", new String[] {
            "tcp://localhost:61616?reconnectAttempts=-1",
            "Artemis URL; a pair: (tcp://a:61616,tcp://b:61616)?ha=true&reconnectAttempts=-1"
        });
        keys.put("username", new String[] {"", "broker user of this host (defaults to host-id)"});
        keys.put("password", new String[] {"", "broker password of this host"});
        keys.put("state-dir", new String[] {"/var/lib/weft-agent", "where the applied state is persisted"});
        keys.put("dataplane", new String[] {"linux", "linux (real tools) or memory (simulation)"});
        keys.put("ovs-db", new String[] {"unix:/var/run/openvswitch/db.sock", "ovs-vsctl --db address"});
        keys.put("ovs-rundir", new String[] {"", "OVS_RUNDIR for ovs-ofctl (a private OVS instance)"});
        keys.put(
                "ovs-vswitchd-control",
                new String[] {"", "ovs-vswitchd control socket for ovs-appctl (default: ovs-appctl's own lookup)"});
        keys.put("netns", new String[] {"", "network namespace to program (default: the agent's own)"});
        keys.put("integration-bridge", new String[] {"br-weft", "OVS integration bridge"});
        keys.put("veth-mtu", new String[] {"1450", "MTU of NIC veth pairs created before their tap exists"});
        keys.put("resync-period-seconds", new String[] {"30", "read back, repair drift and retry every N s"});
        keys.put("heartbeat-period-seconds", new String[] {"5", "heartbeat every N s"});
        keys.put("command-timeout-seconds", new String[] {"30", "timeout of every host command"});
        return java.util.Collections.unmodifiableMap(keys);
    }

    /** Builds the configuration from a file (optional), the environment and the arguments. */
    public static AgentConfig load(List<String> args, Map<String, String> environment) {
        Map<String, String> values = new LinkedHashMap<>();
        KEYS.forEach((key, meta) -> values.put(key, meta[0]));
        Map<String, String> fromArgs = parseArgs(args);
        String configFile = fromArgs.getOrDefault("config", environment.getOrDefault("WEFT_AGENT_CONFIG", ""));
        if (!configFile.isEmpty()) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(Path.of(configFile))) {
                properties.load(reader);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + configFile + ": " + e.getMessage(), e);
            }
            properties.stringPropertyNames().forEach(key -> put(values, key, properties.getProperty(key)));
        }
        KEYS.keySet().forEach(key -> {
            String variable = "WEFT_AGENT_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
            if (environment.containsKey(variable)) {
                values.put(key, environment.get(variable));
            }
        });
        fromArgs.forEach((key, value) -> {
            if (!key.equals("config")) {
                put(values, key, value);
            }
        });
        return fromValues(values);
    }

    private static void put(Map<String, String> values, String key, String value) {
        if (!KEYS.containsKey(key)) {
            throw new IllegalArgumentException("unknown configuration key '" + key + "'");
        }
        values.put(key, value.strip());
    }

    private static Map<String, String> parseArgs(List<String> args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String body = arg.substring(2);
            int equals = body.indexOf('=');
            if (equals >= 0) {
                values.put(body.substring(0, equals), body.substring(equals + 1));
            } else if (i + 1 < args.size()) {
                values.put(body, args.get(++i));
            } else {
                throw new IllegalArgumentException("--" + body + " needs a value");
            }
        }
        return values;
    }

    static AgentConfig fromValues(Map<String, String> values) {
        String hostId = values.get("host-id");
        String username = values.get("username").isEmpty() ? hostId : values.get("username");
        return new AgentConfig(
                hostId,
                values.get("broker-url"),
                username,
                values.get("password"),
                Path.of(values.get("state-dir")),
                DataplaneKind.valueOf(values.get("dataplane").toUpperCase(Locale.ROOT)),
                values.get("ovs-db"),
                optional(values.get("ovs-rundir")).map(Path::of),
                optional(values.get("ovs-vswitchd-control")).map(Path::of),
                optional(values.get("netns")),
                values.get("integration-bridge"),
                Integer.parseInt(values.get("veth-mtu")),
                Duration.ofSeconds(Long.parseLong(values.get("resync-period-seconds"))),
                Duration.ofSeconds(Long.parseLong(values.get("heartbeat-period-seconds"))),
                Duration.ofSeconds(Long.parseLong(values.get("command-timeout-seconds"))));
    }

    private static Optional<String> optional(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public static String help() {
        StringBuilder help = new StringBuilder("usage: weft agent [--config FILE] [--KEY VALUE ...]\n\n"
                + "Keys (file: KEY=VALUE; environment: WEFT_AGENT_KEY with - as _):\n");
        KEYS.forEach((key, meta) -> help.append(String.format(
                Locale.ROOT, "  --%-26s %s%s%n", key, meta[1], meta[0].isEmpty() ? "" : " [" + meta[0] + "]")));
        return help.toString();
    }

    @Override
    public String toString() {
        return "AgentConfig[hostId=" + hostId + ", brokerUrl=" + brokerUrl + ", username=" + username + ", stateDir="
                + stateDir + ", dataplane=" + dataplane + ", ovsDb=" + ovsDb + ", namespace=" + namespace + "]";
    }
}
