package dev.hashring.cli;

import dev.hashring.Server;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Local {@code memcached} processes on free loopback ports, for {@code simulate --memcached-local}.
 * They are stopped by {@link #close()}, and by a shutdown hook when the command is interrupted
 * (Ctrl-C) or fails before it gets there.
 */
final class LocalMemcached implements AutoCloseable {

  private static final String HOST = "127.0.0.1";
  private static final long START_TIMEOUT_MILLIS = 5_000;

  private final List<Process> processes = new ArrayList<>();
  private final List<Server> servers = new ArrayList<>();
  private final Thread stopper = new Thread(this::stopAll, "hashring stop memcached");

  private LocalMemcached() {}

  /**
   * Starts {@code count} servers and waits until each answers.
   *
   * @throws CommandFailure if {@code memcached} is not installed or a server does not start
   */
  static LocalMemcached start(int count) {
    String binary = binary();
    LocalMemcached local = new LocalMemcached();
    Runtime.getRuntime().addShutdownHook(local.stopper);
    try {
      for (int i = 0; i < count; i++) {
        local.startOne(binary);
      }
    } catch (RuntimeException failed) {
      local.close();
      throw failed;
    }
    return local;
  }

  /** The servers, in the order they were started. */
  List<Server> servers() {
    return List.copyOf(servers);
  }

  private void startOne(String binary) {
    for (int attempt = 1; ; attempt++) {
      int port = freePort();
      List<String> command =
          new ArrayList<>(
              List.of(binary, "-l", HOST, "-p", Integer.toString(port), "-U", "0", "-m", "64"));
      if ("root".equals(System.getProperty("user.name"))) {
        command.addAll(List.of("-u", "root")); // memcached refuses to run as root without -u
      }
      Process process;
      try {
        process =
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
      } catch (IOException e) {
        throw CommandFailure.badInput("cannot start " + String.join(" ", command) + ": " + e);
      }
      processes.add(process);
      if (answers(port, process)) {
        servers.add(Server.of(HOST, port));
        return;
      }
      process.destroyForcibly();
      if (attempt == 3) {
        throw CommandFailure.badInput(
            "memcached did not answer on "
                + HOST
                + ":"
                + port
                + " within "
                + START_TIMEOUT_MILLIS
                + " ms: "
                + String.join(" ", command));
      }
      // Another program took the port between our choosing it and memcached binding it.
    }
  }

  /** Whether a server answers {@code version} on {@code port} before it times out or exits. */
  private static boolean answers(int port, Process process) {
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
    while (System.currentTimeMillis() < deadline && process.isAlive()) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(HOST, port), 500);
        socket.setSoTimeout(1_000);
        OutputStream out = socket.getOutputStream();
        out.write("version\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        byte[] answer = new byte[8];
        if (in.readNBytes(answer, 0, 8) == 8
            && new String(answer, StandardCharsets.US_ASCII).startsWith("VERSION")) {
          return true;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  /** Stops every server and waits for it to exit. */
  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(stopper);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or has run.
    }
  }

  private synchronized void stopAll() {
    for (Process process : processes) {
      process.destroy();
    }
    for (Process process : processes) {
      try {
        if (!process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    processes.clear();
  }

  private static String binary() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String directory : path.split(File.pathSeparator)) {
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
    throw CommandFailure.badInput(
        "--memcached-local needs the memcached program, which is not installed (not on the PATH,"
            + " nor in /usr/bin or /usr/sbin); install it (Debian and Ubuntu: apt-get install"
            + " memcached; macOS: brew install memcached), or give running servers with"
            + " --memcached host:port,...");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw CommandFailure.badInput("no free port on " + HOST + ": " + e);
    }
  }
}
