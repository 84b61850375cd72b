package dev.hashring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "10.0.0.1:11211           | 10.0.0.1         | 11211 | 1     |",
        "10.0.0.1:11211:3         | 10.0.0.1         | 11211 | 3     |",
        "cache-1.example.com:1    | cache-1.example.com | 1  | 1     |",
        "localhost:65535:65535    | localhost        | 65535 | 65535 |",
        "memcached_2:11211        | memcached_2      | 11211 | 1     |",
        "[::1]:11211              | ::1              | 11211 | 1     |",
        "[fe80::1%eth0]:11212:2   | fe80::1%eth0     | 11212 | 2     |",
        "[::ffff:10.0.0.1]:11211  | ::ffff:10.0.0.1  | 11211 | 1     |",
        "[2001:db8:0:0:0:0:2:1]:1 | 2001:db8:0:0:0:0:2:1 | 1 | 1     |",
        "\"10.0.0.7:22122:1 shard-7\" | 10.0.0.7     | 22122 | 1     | shard-7",
        "\"  10.0.0.7:22122:4\tredis \" | 10.0.0.7   | 22122 | 4     | redis",
      })
  void parse_readsEveryPart(String spec, String host, int port, int weight, String name) {
    Server server = Server.parse(spec);
    assertThat(server.host()).isEqualTo(host);
    assertThat(server.port()).isEqualTo(port);
    assertThat(server.weight()).isEqualTo(weight);
    assertThat(server.name()).isEqualTo(Optional.ofNullable(name));
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "\"\"                 | server spec must not be empty '' (expected host:port[:weight][ name], for example 10.0.0.1:11211:2)",
        "\"   \"              | server spec must not be empty '   ' (expected host:port[:weight][ name], for example 10.0.0.1:11211:2)",
        "localhost           | port missing in server spec 'localhost' (expected host:port[:weight][ name], for example 10.0.0.1:11211:2)",
        "localhost:          | port missing in server spec 'localhost:' (expected host:port[:weight][ name], for example 10.0.0.1:11211:2)",
        "localhost:0         | port must be between 1 and 65535: 0 (server spec 'localhost:0')",
        "localhost:70000     | port must be between 1 and 65535: 70000 (server spec 'localhost:70000')",
        "localhost:99999999999999999999 | port must be between 1 and 65535: 99999999999999999999 (server spec 'localhost:99999999999999999999')",
        "localhost:http      | port must be a number between 1 and 65535: 'http' (server spec 'localhost:http', format host:port[:weight][ name])",
        "localhost:11211:0   | weight must be between 1 and 65535: 0 (server spec 'localhost:11211:0')",
        "localhost:11211:-1  | weight must be between 1 and 65535: -1 (server spec 'localhost:11211:-1')",
        "localhost:11211:x   | weight must be a number between 1 and 65535: 'x' (server spec 'localhost:11211:x', format host:port[:weight][ name])",
        "localhost:11211:65536 | weight must be between 1 and 65535: 65536 (server spec 'localhost:11211:65536')",
        "localhost:11211:    | weight must be a number between 1 and 65535: '' (server spec 'localhost:11211:', format host:port[:weight][ name])",
        "[::1:11211          | unclosed '[' in server spec '[::1:11211' (expected host:port[:weight][ name], for example 10.0.0.1:11211:2)",
        "[::1]               | port missing in server spec '[::1]' (expected host:port[:weight][ name], for example 10.0.0.1:11211:2)",
        "[::1]11211          | expected ':' after ']' in server spec '[::1]11211' (expected host:port[:weight][ name], for example 10.0.0.1:11211:2)",
        "[]:11211            | host missing in server spec '[]:11211' (expected host:port[:weight][ name], for example 10.0.0.1:11211:2)",
        ":11211              | host missing in server spec ':11211' (expected host:port[:weight][ name], for example 10.0.0.1:11211:2)",
        "::1:11211           | an IPv6 address must be in brackets, as in [::1]:11211, in server spec '::1:11211' (expected host:port[:weight][ name], for example 10.0.0.1:11211:2)",
        "::1]:11211          | ']' without '[' in server spec '::1]:11211' (expected host:port[:weight][ name], for example 10.0.0.1:11211:2)",
        "[10.0.0.1]:11211    | host is not a valid IPv6 address: '10.0.0.1' in server spec '[10.0.0.1]:11211' (expected host:port[:weight][ name], for example 10.0.0.1:11211:2)",
        "[1::2::3]:11211     | host is not a valid IPv6 address: '1::2::3' in server spec '[1::2::3]:11211' (expected host:port[:weight][ name], for example 10.0.0.1:11211:2)",
        "300.1.1.1:11211     | host is not a valid IPv4 address: '300.1.1.1' in server spec '300.1.1.1:11211' (expected host:port[:weight][ name], for example 10.0.0.1:11211:2)",
        "10.0.0:11211        | host is not a valid IPv4 address: '10.0.0' in server spec '10.0.0:11211' (expected host:port[:weight][ name], for example 10.0.0.1:11211:2)",
        "bad..host:11211     | host is not a valid host name: 'bad..host' in server spec 'bad..host:11211' (expected host:port[:weight][ name], for example 10.0.0.1:11211:2)",
        "-bad:11211          | host is not a valid host name: '-bad' in server spec '-bad:11211' (expected host:port[:weight][ name], for example 10.0.0.1:11211:2)",
        "h@st:11211          | host is not a valid host name: 'h@st' in server spec 'h@st:11211' (expected host:port[:weight][ name], for example 10.0.0.1:11211:2)",
      })
  void parse_rejectsBadSpecsWithAMessageNamingThePart(String spec, String message) {
    assertThatThrownBy(() -> Server.parse(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void parse_rejectsNull() {
    assertThatThrownBy(() -> Server.parse(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("spec");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "10.0.0.1:11211",
        "10.0.0.1:11211:3",
        "[::1]:11211",
        "[fe80::1%eth0]:11212:2",
        "\"10.0.0.7:22122:1 shard-7\"",
        "\"cache.example.com:11211:600 a/b:c\"",
      })
  void toString_isReadBackByParse(String spec) {
    Server server = Server.parse(spec);
    assertThat(Server.parse(server.toString())).isEqualTo(server);
  }

  @Test
  void toString_omitsWeightOneAndWritesTheName() {
    assertThat(Server.of("10.0.0.1", 11211)).hasToString("10.0.0.1:11211");
    assertThat(Server.of("10.0.0.1", 11211, 2)).hasToString("10.0.0.1:11211:2");
    assertThat(Server.of("::1", 11211).withName("a")).hasToString("[::1]:11211 a");
    assertThat(Server.of("::1", 11211).address()).isEqualTo("[::1]:11211");
  }

  @Test
  void equality_coversHostPortWeightAndName() {
    Server server = Server.of("10.0.0.1", 11211, 2);
    assertThat(server)
        .isEqualTo(Server.parse("10.0.0.1:11211:2"))
        .hasSameHashCodeAs(Server.parse("10.0.0.1:11211:2"));
    assertThat(server).isNotEqualTo(Server.of("10.0.0.1", 11211, 3));
    assertThat(server).isNotEqualTo(Server.of("10.0.0.1", 11212, 2));
    assertThat(server).isNotEqualTo(Server.of("10.0.0.2", 11211, 2));
    assertThat(server).isNotEqualTo(server.withName("a"));
    assertThat(Server.of("Cache", 1)).isNotEqualTo(Server.of("cache", 1));
  }

  @Test
  void of_validatesEveryPart() {
    assertThatThrownBy(() -> Server.of(null, 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("host");
    assertThatThrownBy(() -> Server.of("", 1)).hasMessage("host must not be empty");
    assertThatThrownBy(() -> Server.of("[::1]", 1))
        .hasMessage("host must be given without brackets: '[::1]'");
    assertThatThrownBy(() -> Server.of("10.0.0.1", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port must be between 1 and 65535: 0 (server 10.0.0.1)");
    assertThatThrownBy(() -> Server.of("10.0.1.1", 11211, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("weight must be between 1 and 65535: 0 (server 10.0.1.1:11211)");
    assertThatThrownBy(() -> Server.of("10.0.1.1", 11211).withWeight(65536))
        .hasMessage("weight must be between 1 and 65535: 65536 (server 10.0.1.1:11211)");
    assertThatThrownBy(() -> Server.of("10.0.1.1", 11211).withName(""))
        .hasMessage("name must not be empty (server 10.0.1.1:11211)");
    assertThatThrownBy(() -> Server.of("10.0.1.1", 11211).withName("a b"))
        .hasMessage(
            "name must not contain white space or control characters: 'a b' (server 10.0.1.1:11211)");
    assertThatThrownBy(() -> Server.of("10.0.1.1", 11211).withName(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("name");
  }

  @Test
  void hostIsKeptExactlyAsGiven() {
    assertThat(Server.parse("Cache-A.Example.COM:11211").host()).isEqualTo("Cache-A.Example.COM");
    assertThat(Server.parse("[0:0:0:0:0:0:0:1]:11211").host()).isEqualTo("0:0:0:0:0:0:0:1");
  }
}
