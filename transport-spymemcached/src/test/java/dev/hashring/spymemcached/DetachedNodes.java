package dev.hashring.spymemcached;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import net.spy.memcached.DefaultConnectionFactory;
import net.spy.memcached.MemcachedNode;

/**
 * Real spymemcached nodes (those {@code DefaultConnectionFactory} makes) that never connect, for
 * comparing locators in process. Their unconnected channels are closed by {@link #close()}.
 */
final class DetachedNodes implements AutoCloseable {

  private final List<SocketChannel> channels = new ArrayList<>();
  private final List<MemcachedNode> nodes = new ArrayList<>();

  DetachedNodes(List<InetSocketAddress> addresses) {
    DefaultConnectionFactory factory = new DefaultConnectionFactory();
    try {
      for (InetSocketAddress address : addresses) {
        SocketChannel channel = SocketChannel.open();
        channels.add(channel);
        nodes.add(factory.createMemcachedNode(address, channel, 64));
      }
    } catch (IOException e) {
      close();
      throw new UncheckedIOException(e);
    }
  }

  /** One node per address, in the order given. */
  List<MemcachedNode> nodes() {
    return nodes;
  }

  @Override
  public void close() {
    for (SocketChannel channel : channels) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Never connected; nothing to release.
      }
    }
  }
}
