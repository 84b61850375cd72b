package dev.hashring.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelectors;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hashring locate}: the server of each key read, one key a line, printed as {@code
 * key<TAB>host:port} in input order.
 *
 * <p>Keys are bytes: a line's bytes (UTF-8 text, or anything else) are the key, up to {@code '\n'}
 * or {@code "\r\n"}, and are printed back unchanged. The input is read and answered in a stream, in
 * constant memory, and the answers so far are flushed whenever the input has nothing more ready, so
 * that a program can talk to it one key at a time.
 */
@Command(
    name = "locate",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the server of each key read: key<TAB>host:port.",
      "",
      "Reads keys one per line (UTF-8; standard input unless --keys is given) and prints"
          + " key<TAB>host:port for each, in input order, as it reads: millions of keys run in"
          + " constant memory. A line ends at \\n or \\r\\n.",
      "",
      "Example:",
      "  printf 'user:1%%nuser:2%%n' | hashring locate --selector ketama \\",
      "      --option compat=libmemcached --servers 10.0.0.1:11211,10.0.0.2:11211"
    })
final class LocateCommand implements Callable<Integer> {

  /** Keys of up to this many bytes reuse one array per length: no allocation per key. */
  private static final int REUSED_KEY_LENGTHS = 1024;

  private final StandardStreams streams;

  @Option(
      names = "--selector",
      required = true,
      paramLabel = "NAME",
      description = "The selector, such as ketama, modulo or jump ('hashring list' shows all).")
  private String selectorName;

  @Option(
      names = "--option",
      paramLabel = "KEY=VALUE",
      description = "A selector option, such as compat=libmemcached or hash=md5; repeatable.")
  private List<String> optionPairs;

  @Option(
      names = "--servers",
      required = true,
      paramLabel = "SPEC,SPEC,...",
      description =
          "The servers in order, each host:port[:weight][ name], such as"
              + " \"10.0.0.1:11211,10.0.0.2:11211:2\".")
  private String serverList;

  @Option(
      names = "--keys",
      paramLabel = "FILE",
      description = "Read the keys from FILE instead of standard input.")
  private Path keyFile;

  LocateCommand(StandardStreams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() {
    Map<String, String> options = SelectorOptions.parse(optionPairs);
    List<Server> servers = ServerListText.parse("--servers", serverList);
    Ring ring = ServerSelectors.forName(selectorName).ring(servers, options);
    if (keyFile == null) {
      answer(ring, streams.in(), streams.out());
    } else {
      try (InputStream in = Files.newInputStream(keyFile)) {
        answer(ring, in, streams.out());
      } catch (NoSuchFileException missing) {
        throw CommandFailure.badInput("--keys: no such file: " + keyFile, missing);
      } catch (IOException unreadable) {
        throw CommandFailure.badInput("--keys: cannot read " + keyFile + ": " + unreadable);
      }
    }
    return 0;
  }

  /** Reads every key of {@code in} and writes its line of {@code out}. */
  private void answer(Ring ring, InputStream in, PrintStream out) {
    Answers answers = new Answers(ring, out);
    byte[] chunk = new byte[1 << 16];
    try {
      int read;
      while ((read = readFrom(in, chunk)) > 0) {
        answers.accept(chunk, read);
        if (nothingReady(in) && answers.flushAndCheck()) {
          return; // The reader is gone (a closed pipe): nobody wants the rest.
        }
      }
      answers.finish();
    } catch (IOException cannotWrite) {
      // Reads report their own errors, so this is a write: the output is gone, like a closed
      // pipe, and nobody is left to tell.
    }
  }

  /** Whether a read would wait: then the answers so far are due. */
  private static boolean nothingReady(InputStream in) {
    try {
      return in.available() == 0;
    } catch (IOException cannotTell) {
      return true;
    }
  }

  private int readFrom(InputStream in, byte[] chunk) {
    try {
      return in.read(chunk);
    } catch (IOException unreadable) {
      throw CommandFailure.badInput(
          "cannot read the keys from "
              + (keyFile == null ? "standard input" : keyFile.toString())
              + ": "
              + unreadable);
    }
  }

  /** Splits chunks of input into lines and writes each key with its server. */
  private static final class Answers {
    private final Ring ring;
    private final PrintStream sink;
    private final OutputStream out;
    private final Map<Server, byte[]> addresses = new HashMap<>();
    private final byte[][] keysByLength = new byte[REUSED_KEY_LENGTHS + 1][];
    private byte[] line = new byte[256];
    private int length;
    private long lineNumber;

    Answers(Ring ring, PrintStream sink) {
      this.ring = ring;
      this.sink = sink;
      this.out = new BufferedOutputStream(sink, 1 << 16);
    }

    void accept(byte[] chunk, int count) throws IOException {
      int start = 0;
      for (int i = 0; i < count; i++) {
        if (chunk[i] == '\n') {
          append(chunk, start, i - start);
          answerLine();
          start = i + 1;
        }
      }
      append(chunk, start, count - start);
    }

    /** Answers a last line that has no line end. */
    void finish() throws IOException {
      if (length > 0) {
        answerLine();
      }
      out.flush();
    }

    /** Flushes the answers so far; returns whether the output is gone. */
    boolean flushAndCheck() throws IOException {
      out.flush();
      return sink.checkError();
    }

    private void append(byte[] chunk, int from, int count) {
      if (length + count > line.length) {
        line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, length + count));
      }
      System.arraycopy(chunk, from, line, length, count);
      length += count;
    }

    private void answerLine() throws IOException {
      lineNumber++;
      int keyLength = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
      byte[] key = keyOfLength(keyLength);
      System.arraycopy(line, 0, key, 0, keyLength);
      Server server;
      try {
        server = ring.primary(key);
      } catch (IllegalArgumentException refused) {
        out.flush();
        throw CommandFailure.badInput("line " + lineNumber + ": " + refused.getMessage(), refused);
      }
      out.write(key, 0, keyLength);
      out.write('\t');
      out.write(addresses.computeIfAbsent(server, s -> (s.address() + "\n").getBytes(UTF_8)));
      length = 0;
    }

    private byte[] keyOfLength(int keyLength) {
      if (keyLength > REUSED_KEY_LENGTHS) {
        return new byte[keyLength];
      }
      byte[] key = keysByLength[keyLength];
      if (key == null) {
        key = new byte[keyLength];
        keysByLength[keyLength] = key;
      }
      return key;
    }
  }
}
