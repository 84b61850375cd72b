package dev.hashring.spymemcached;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelectors;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import net.spy.memcached.ConnectionFactoryBuilder;
import net.spy.memcached.ConnectionFactoryBuilder.Protocol;
import net.spy.memcached.FailureMode;
import net.spy.memcached.MemcachedClient;
import net.spy.memcached.MemcachedNode;
import net.spy.memcached.NodeLocator;
import net.spy.memcached.protocol.binary.BinaryOperationFactory;
import net.spy.memcached.transcoders.WhalinTranscoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Building the factory: settings from code and from properties, and bad configuration failing in
 * {@code build()} with an exact message before any connection is opened. No memcached is needed: a
 * plain listening socket shows whether anything tried to connect.
 */
class HashRingConnectionFactoryTest {

  private ServerSocket listener;
  private Server listening;

  @BeforeEach
  void listen() throws IOException {
    listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    listener.setSoTimeout(300);
    listening = Server.of("127.0.0.1", listener.getLocalPort());
  }

  @AfterEach
  void close() throws IOException {
    listener.close();
  }

  private HashRingConnectionFactory.Builder ketama() {
    return HashRingConnectionFactory.builder().selector("ketama").servers(List.of(listening));
  }

  /** Runs {@code build}, expects {@code type} with {@code message}, and no connection attempt. */
  private void assertRefused(Executable build, Class<? extends Throwable> type, String message) {
    Throwable thrown = catchThrowable(build::execute);
    assertThat(thrown).isInstanceOf(type).hasMessage(message);
    assertNoConnectionAttempt();
  }

  private void assertNoConnectionAttempt() {
    assertThatThrownBy(() -> listener.accept().close())
        .as("something connected to %s", listening)
        .isInstanceOf(SocketTimeoutException.class);
  }

  @Test
  void build_unknownSelector_failsWithTheRegistryMessage() {
    assertRefused(
        () ->
            HashRingConnectionFactory.builder()
                .selector("ketamma")
                .servers(List.of(listening))
                .build(),
        IllegalArgumentException.class,
        "no ServerSelector named 'ketamma'; available: anchor, jump, ketama, modulo (did you mean"
            + " 'ketama'?)");
  }

  @Test
  void build_unknownOption_failsWithTheSelectorMessage() {
    String selectorSays =
        catchThrowable(
                () ->
                    ServerSelectors.forName("ketama")
                        .ring(List.of(listening), Map.of("compta", "spymemcached")))
            .getMessage();
    assertThat(selectorSays).startsWith("unknown option 'compta' for selector ketama");
    assertRefused(
        () -> ketama().option("compta", "spymemcached").build(),
        IllegalArgumentException.class,
        selectorSays);
  }

  @Test
  void build_unknownCompatProfile_failsWithTheSelectorMessage() {
    String selectorSays =
        catchThrowable(
                () ->
                    ServerSelectors.forName("ketama")
                        .ring(List.of(listening), Map.of("compat", "spymemcache")))
            .getMessage();
    assertThat(selectorSays)
        .startsWith("option 'compat' of selector ketama must be one of ")
        .endsWith(": 'spymemcache' (did you mean 'spymemcached'?)");
    assertRefused(
        () -> ketama().option("compat", "spymemcache").build(),
        IllegalArgumentException.class,
        selectorSays);
  }

  @Test
  void build_emptyServerList_fails() {
    assertRefused(
        () -> HashRingConnectionFactory.builder().selector("jump").servers(List.of()).build(),
        IllegalArgumentException.class,
        "servers must not be empty");
  }

  @Test
  void build_serverListedTwice_fails() {
    assertRefused(
        () ->
            HashRingConnectionFactory.builder()
                .selector("modulo")
                .servers(List.of(listening, listening.withWeight(2)))
                .build(),
        IllegalArgumentException.class,
        "duplicate server "
            + listening.address()
            + " at positions 0 and 1: each memcached server may be listed once");
  }

  @Test
  void build_twoNamesOfOneServer_fails() {
    Server byName = Server.of("localhost", listening.port());
    assertRefused(
        () ->
            HashRingConnectionFactory.builder()
                .selector("ketama")
                .servers(List.of(byName, listening))
                .build(),
        IllegalArgumentException.class,
        "servers localhost:"
            + listening.port()
            + " and 127.0.0.1:"
            + listening.port()
            + " are one memcached server, 127.0.0.1 port "
            + listening.port()
            + "; list each server once");
  }

  @Test
  void build_hostThatDoesNotResolve_fails() {
    assertRefused(
        () ->
            HashRingConnectionFactory.builder()
                .selector("ketama")
                .servers(List.of(listening, Server.parse("no-such-host.invalid:11211:2")))
                .build(),
        IllegalArgumentException.class,
        "host 'no-such-host.invalid' of server no-such-host.invalid:11211:2 does not resolve");
  }

  @Test
  void build_withoutSelector_failsListingTheSelectors() {
    assertRefused(
        () -> HashRingConnectionFactory.builder().servers(List.of(listening)).build(),
        IllegalStateException.class,
        "no selector: call selector(name) or set the property hashring.selector; available:"
            + " anchor, jump, ketama, modulo");
  }

  @Test
  void build_withoutServers_fails() {
    assertRefused(
        () -> HashRingConnectionFactory.builder().selector("ketama").build(),
        IllegalStateException.class,
        "no servers: call servers(list) or set the property hashring.servers");
  }

  @Test
  void builder_settingTwice_failsInsteadOfReplacing() {
    assertThatThrownBy(() -> ketama().selector("jump"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("selector was already set to 'ketama'");
    assertThatThrownBy(() -> ketama().option("compat", "spymemcached").option("compat", "native"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("option 'compat' was already set to 'spymemcached'");
    assertThatThrownBy(() -> ketama().servers(List.of(listening)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("servers were already set to [" + listening + "]");
    assertThatThrownBy(
            () ->
                ketama()
                    .connectionFactoryBuilder(new ConnectionFactoryBuilder())
                    .connectionFactoryBuilder(new ConnectionFactoryBuilder()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the ConnectionFactoryBuilder was already given");
  }

  @Test
  void client_givenOtherAddresses_failsBeforeConnecting() {
    HashRingConnectionFactory factory = ketama().build();
    InetSocketAddress elsewhere = new InetSocketAddress("127.0.0.1", 1);
    assertRefused(
        () -> new MemcachedClient(factory, List.of(elsewhere)),
        IllegalArgumentException.class,
        "the client was given ["
            + elsewhere
            + "], not the servers of this factory ("
            + listening
            + "); create it with new MemcachedClient(factory, factory.addresses())");
  }

  @Test
  void properties_configureSelectorOptionsAndServers() {
    Properties properties = new Properties();
    properties.setProperty("hashring.selector", "ketama");
    properties.setProperty("hashring.option.compat", "libmemcached-weighted");
    properties.setProperty(
        "hashring.servers", "10.0.1.1:11211:3, 10.0.1.2:11212 ,10.0.1.3:11211:2");
    properties.setProperty("application.name", "left alone");

    HashRingConnectionFactory factory =
        HashRingConnectionFactory.builder().properties(properties).build();

    List<Server> expected =
        List.of(
            Server.parse("10.0.1.1:11211:3"),
            Server.parse("10.0.1.2:11212"),
            Server.parse("10.0.1.3:11211:2"));
    assertThat(factory.servers()).isEqualTo(expected);
    assertThat(factory.addresses())
        .containsExactly(
            new InetSocketAddress("10.0.1.1", 11211),
            new InetSocketAddress("10.0.1.2", 11212),
            new InetSocketAddress("10.0.1.3", 11211));
    assertThat(factory)
        .hasToString(
            "HashRingConnectionFactory[selector=ketama, options={compat=libmemcached-weighted},"
                + " servers="
                + expected
                + "]");
    Ring ring =
        ServerSelectors.forName("ketama").ring(expected, Map.of("compat", "libmemcached-weighted"));
    try (DetachedNodes nodes = new DetachedNodes(factory.addresses())) {
      NodeLocator locator = factory.createLocator(nodes.nodes());
      for (String key : Keys.sample(2_000, 7)) {
        int server = expected.indexOf(ring.primary(key));
        assertThat(locator.getPrimary(key)).as(key).isSameAs(nodes.nodes().get(server));
      }
    }
  }

  @Test
  void properties_defaultsCount() {
    Properties defaults = new Properties();
    defaults.setProperty("hashring.selector", "jump");
    defaults.setProperty("hashring.servers", "10.0.1.1:11211");
    Properties properties = new Properties(defaults);
    properties.setProperty("hashring.option.compat", "guava");

    HashRingConnectionFactory factory =
        HashRingConnectionFactory.builder().properties(properties).build();

    assertThat(factory)
        .hasToString(
            "HashRingConnectionFactory[selector=jump, options={compat=guava},"
                + " servers=[10.0.1.1:11211]]");
  }

  @Test
  void properties_unknownKey_failsWithSuggestion() {
    Properties properties = new Properties();
    properties.setProperty("hashring.selecter", "ketama");
    assertThatThrownBy(() -> HashRingConnectionFactory.builder().properties(properties))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown property 'hashring.selecter' (did you mean 'hashring.selector'?); accepted:"
                + " hashring.selector, hashring.option.<key>, hashring.servers");
  }

  @Test
  void properties_badServerSpec_failsNamingTheProperty() {
    Properties properties = new Properties();
    properties.setProperty("hashring.servers", "10.0.1.1:11211, 10.0.1.2");
    assertThatThrownBy(() -> HashRingConnectionFactory.builder().properties(properties))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "property 'hashring.servers': port missing in server spec '10.0.1.2' (expected"
                + " host:port[:weight][ name], for example 10.0.0.1:11211:2)");
  }

  @Test
  void properties_emptyServerSpec_fails() {
    Properties properties = new Properties();
    properties.setProperty("hashring.servers", "10.0.1.1:11211,,10.0.1.2:11211");
    assertThatThrownBy(() -> HashRingConnectionFactory.builder().properties(properties))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "property 'hashring.servers' has an empty server spec at position 2:"
                + " '10.0.1.1:11211,,10.0.1.2:11211' (expected specs host:port[:weight][ name]"
                + " separated by commas)");
  }

  @Test
  void properties_valueThatIsNotAString_fails() {
    Properties properties = new Properties();
    properties.put("hashring.option.points", 100);
    assertThatThrownBy(() -> HashRingConnectionFactory.builder().properties(properties))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "property 'hashring.option.points' must be a String, not a java.lang.Integer: 100");
  }

  @Test
  void properties_thenTheSameSettingInCode_fails() {
    Properties properties = new Properties();
    properties.setProperty("hashring.selector", "ketama");
    assertThatThrownBy(
            () -> HashRingConnectionFactory.builder().properties(properties).selector("jump"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("selector was already set to 'ketama'");
  }

  @Test
  void spymemcachedSettings_comeFromTheConnectionFactoryBuilder() {
    WhalinTranscoder transcoder = new WhalinTranscoder();
    HashRingConnectionFactory factory =
        ketama()
            .connectionFactoryBuilder(
                new ConnectionFactoryBuilder()
                    .setOpTimeout(1234)
                    .setFailureMode(FailureMode.Retry)
                    .setProtocol(Protocol.BINARY)
                    .setTranscoder(transcoder)
                    .setDaemon(true)
                    .setMaxReconnectDelay(7)
                    .setTimeoutExceptionThreshold(42)
                    .setReadBufferSize(4096)
                    .setShouldOptimize(false)
                    .setUseNagleAlgorithm(true))
            .build();

    assertThat(factory.getOperationTimeout()).isEqualTo(1234);
    assertThat(factory.getFailureMode()).isEqualTo(FailureMode.Retry);
    assertThat(factory.getOperationFactory()).isInstanceOf(BinaryOperationFactory.class);
    assertThat(factory.getDefaultTranscoder()).isSameAs(transcoder);
    assertThat(factory.isDaemon()).isTrue();
    assertThat(factory.getMaxReconnectDelay()).isEqualTo(7);
    // spymemcached stores the threshold it is given minus 2.
    assertThat(factory.getTimeoutExceptionThreshold()).isEqualTo(40);
    assertThat(factory.getReadBufSize()).isEqualTo(4096);
    assertThat(factory.shouldOptimize()).isFalse();
    assertThat(factory.useNagleAlgorithm()).isTrue();
  }

  @Test
  void spymemcachedDefaults_withoutAConnectionFactoryBuilder() {
    HashRingConnectionFactory factory = ketama().build();
    assertThat(factory.getFailureMode()).isEqualTo(FailureMode.Redistribute);
    assertThat(factory.getOperationTimeout()).isEqualTo(2500);
  }

  @Test
  void createLocator_nodesOfOtherServers_fails() {
    HashRingConnectionFactory factory = ketama().build();
    InetSocketAddress other = new InetSocketAddress("127.0.0.1", 1);
    try (DetachedNodes nodes = new DetachedNodes(List.of(other))) {
      List<MemcachedNode> foreign = nodes.nodes();
      assertThatThrownBy(() -> factory.createLocator(foreign))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("no node for server " + listening + " among " + foreign);
    }
  }
}
