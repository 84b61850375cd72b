package dev.hashring.spymemcached;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hashring.Server;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One real {@code memcached} process on a free loopback port, started by a test and always stopped:
 * by {@link #close()}, and by a JVM shutdown hook as a backstop.
 *
 * <p>Also a minimal text-protocol client, so that a test can ask one server directly what it holds,
 * without going through the client under test.
 */
final class MemcachedProcess implements AutoCloseable {

  private static final String HOST = "127.0.0.1";
  private static final int IO_TIMEOUT_MILLIS = 2_000;
  private static final long START_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "stop memcached"));
  }

  private final int port;
  private final Process process;

  private MemcachedProcess(int port, Process process) {
    this.port = port;
    this.process = process;
  }

  /** Starts {@code count} servers, each on its own free port, and waits until all answer. */
  static List<MemcachedProcess> start(int count) {
    List<MemcachedProcess> started = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        started.add(start());
      }
      return started;
    } catch (RuntimeException | Error e) {
      started.forEach(MemcachedProcess::close);
      throw e;
    }
  }

  /** Starts one server on a free port and waits until it answers {@code version}. */
  static MemcachedProcess start() {
    for (int attempt = 1; ; attempt++) {
      MemcachedProcess server = launch(freePort());
      if (server.awaitAnswer()) {
        return server;
      }
      server.close();
      if (attempt == 3) {
        throw new IllegalStateException("memcached did not answer on " + server);
      }
      // The port was taken between choosing it and binding it: try another.
    }
  }

  /** A new server on the port of this one, which must have been killed: a restart. */
  MemcachedProcess restart() {
    if (process.isAlive()) {
      throw new IllegalStateException(this + " is still running");
    }
    return startOn(port);
  }

  /** Starts one server on {@code port} and waits until it answers {@code version}. */
  static MemcachedProcess startOn(int port) {
    MemcachedProcess server = launch(port);
    if (!server.awaitAnswer()) {
      server.close();
      throw new IllegalStateException("memcached did not answer on " + server);
    }
    return server;
  }

  private static MemcachedProcess launch(int port) {
    List<String> command = new ArrayList<>();
    command.addAll(List.of(binary(), "-l", HOST, "-p", Integer.toString(port), "-U", "0"));
    command.addAll(List.of("-m", "16", "-t", "1", "-c", "256"));
    if ("root".equals(System.getProperty("user.name"))) {
      command.addAll(List.of("-u", "root")); // memcached refuses to run as root without -u
    }
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      RUNNING.add(process);
      return new MemcachedProcess(port, process);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + command + ": " + e, e);
    }
  }

  private static String binary() {
    for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(directory.isEmpty() ? "." : directory, "memcached");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    for (String candidate : List.of("/usr/bin/memcached", "/usr/sbin/memcached")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "memcached is not installed (no 'memcached' on the PATH): these integration tests start"
            + " real memcached servers; install the Debian package with"
            + " 'apt-get install memcached'");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free loopback port: " + e, e);
    }
  }

  private boolean awaitAnswer() {
    long deadline = System.nanoTime() + START_TIMEOUT_NANOS;
    while (System.nanoTime() - deadline < 0) {
      if (!process.isAlive()) {
        return false;
      }
      try {
        if (command("version\r\n").startsWith("VERSION ")) {
          return true;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  /** The server as hashring names it: {@code 127.0.0.1:port}, weight 1. */
  Server server() {
    return Server.of(HOST, port);
  }

  int port() {
    return port;
  }

  InetSocketAddress address() {
    return new InetSocketAddress(HOST, port);
  }

  /** Kills the process at once (SIGKILL), as a crash would. Its sockets close. */
  void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("memcached on port " + port + " did not die");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    RUNNING.remove(process);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
    RUNNING.remove(process);
  }

  /** A value as this server stores it: the bytes and the flags. */
  static final class Item {
    final byte[] value;
    final int flags;

    Item(byte[] value, int flags) {
      this.value = value;
      this.flags = flags;
    }

    String text() {
      return new String(value, UTF_8);
    }
  }

  /** Asks this server directly for {@code key}. */
  Optional<Item> get(String key) {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(("get " + key + "\r\n").getBytes(UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      String header = line(in);
      if (header.equals("END")) {
        return Optional.empty();
      }
      String[] parts = header.split(" ");
      if (parts.length < 4 || !parts[0].equals("VALUE")) {
        throw new IllegalStateException("unexpected answer to get " + key + ": " + header);
      }
      byte[] value = in.readNBytes(Integer.parseInt(parts[3]));
      line(in); // the CRLF after the data
      String end = line(in);
      if (!end.equals("END")) {
        throw new IllegalStateException("unexpected end of get " + key + ": " + end);
      }
      return Optional.of(new Item(value, Integer.parseInt(parts[2])));
    } catch (IOException e) {
      throw new IllegalStateException("get " + key + " from port " + port + ": " + e, e);
    }
  }

  /** Empties this server ({@code flush_all}). */
  void flush() {
    try {
      String answer = command("flush_all\r\n");
      if (!answer.startsWith("OK")) {
        throw new IllegalStateException("flush_all on port " + port + ": " + answer);
      }
    } catch (IOException e) {
      throw new IllegalStateException("flush_all on port " + port + ": " + e, e);
    }
  }

  /** How many items this server holds ({@code stats curr_items}). */
  long items() {
    return stat("curr_items");
  }

  /** How many client connections this server has open ({@code stats curr_connections}). */
  long connections() {
    return stat("curr_connections");
  }

  private long stat(String name) {
    try {
      for (String line : command("stats\r\n").split("\r\n")) {
        String[] parts = line.split(" ");
        if (parts.length == 3 && parts[0].equals("STAT") && parts[1].equals(name)) {
          return Long.parseLong(parts[2]);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("stats from port " + port + ": " + e, e);
    }
    throw new IllegalStateException("no stat " + name + " from port " + port);
  }

  /** Sends one command and reads the answer up to its last line (END, or one line). */
  private String command(String command) throws IOException {
    try (Socket socket = connect()) {
      socket.getOutputStream().write(command.getBytes(UTF_8));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      StringBuilder answer = new StringBuilder();
      while (true) {
        String line = line(in);
        answer.append(line).append("\r\n");
        if (!line.startsWith("STAT ")) {
          return answer.toString();
        }
      }
    }
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(HOST, port), IO_TIMEOUT_MILLIS);
    socket.setSoTimeout(IO_TIMEOUT_MILLIS);
    return socket;
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int previous = -1;
    while (true) {
      int next = in.read();
      if (next < 0) {
        throw new IOException("connection closed after '" + line.toString(UTF_8) + "'");
      }
      if (previous == '\r' && next == '\n') {
        byte[] bytes = line.toByteArray();
        return new String(bytes, 0, bytes.length - 1, UTF_8);
      }
      line.write(next);
      previous = next;
    }
  }

  @Override
  public String toString() {
    return "memcached " + HOST + ":" + port;
  }
}
