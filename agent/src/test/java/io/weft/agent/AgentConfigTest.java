package io.weft.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigTest {
    @TempDir
    Path directory;

    @Test
    void defaultsArePinned() {
        AgentConfig config = AgentConfig.load(List.of("--host-id", "h1"), Map.of());
        assertEquals(
                new AgentConfig(
                        "h1",
                        "tcp://localhost:61616?reconnectAttempts=-1",
                        "h1",
                        "",
                        Path.of("/var/lib/weft-agent"),
                        AgentConfig.DataplaneKind.LINUX,
                        "unix:/var/run/openvswitch/db.sock",
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        "br-weft",
                        1450,
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(30)),
                config);
    }

    @Test
    void fileThenEnvironmentThenArgumentsWin() throws Exception {
        Path file = directory.resolve("agent.properties");
        Files.writeString(
                file,
                "host-id=from-file\npassword=p\ndataplane=memory\nnetns=ns1\novs-rundir=/tmp/r\n"
                        + "ovs-vswitchd-control=/tmp/r/ovs-vswitchd.ctl\n"
                        + "resync-period-seconds=7\nbroker-url=(tcp://a:61616,tcp://b:61616)?ha=true\n");
        AgentConfig config = AgentConfig.load(
                List.of("--config", file.toString(), "--heartbeat-period-seconds=2", "--username=u"),
                Map.of("WEFT_AGENT_HOST_ID", "from-env", "WEFT_AGENT_INTEGRATION_BRIDGE", "br-int"));
        assertEquals("from-env", config.hostId());
        assertEquals("u", config.username());
        assertEquals("p", config.password());
        assertEquals(AgentConfig.DataplaneKind.MEMORY, config.dataplane());
        assertEquals(Optional.of("ns1"), config.namespace());
        assertEquals(Optional.of(Path.of("/tmp/r")), config.ovsRunDir());
        assertEquals(Optional.of(Path.of("/tmp/r/ovs-vswitchd.ctl")), config.ovsVswitchdControl());
        assertEquals("br-int", config.integrationBridge());
        assertEquals(Duration.ofSeconds(7), config.resyncPeriod());
        assertEquals(Duration.ofSeconds(2), config.heartbeatPeriod());
        assertEquals("(tcp://a:61616,tcp://b:61616)?ha=true", config.brokerUrl());
    }

    @Test
    void unknownKeysAndAMissingHostIdAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> AgentConfig.load(List.of("--hostid=x"), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> AgentConfig.load(List.of(), Map.of()));
    }

    @Test
    void helpNamesEveryKey() {
        String help = AgentConfig.help();
        AgentConfig.KEYS
                .keySet()
                .forEach(key -> org.junit.jupiter.api.Assertions.assertTrue(help.contains("--" + key)));
    }
}
