package dev.hashring.bench;

import com.google.code.yanf4j.core.CodecFactory;
import com.google.code.yanf4j.core.Handler;
import com.google.code.yanf4j.core.Session;
import dev.hashring.Server;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in xmemcached session for its locators: an open session at one address, and nothing else.
 * {@code KetamaMemcachedSessionLocator.getSessionByKey} asks the session it found whether it is
 * closed, so this is a plain class rather than a {@link java.lang.reflect.Proxy}, whose reflective
 * call would add its own cost to xmemcached's lookup.
 */
final class XmemcachedSession implements Session {

  private final InetSocketAddress address;

  private XmemcachedSession(InetSocketAddress address) {
    this.address = address;
  }

  /**
   * One session per server, in order, at the address xmemcached's {@code AddrUtil} would create.
   *
   * @param servers the servers
   * @return the sessions
   */
  static List<Session> of(List<Server> servers) {
    List<Session> sessions = new ArrayList<>(servers.size());
    for (Server server : servers) {
      sessions.add(new XmemcachedSession(new InetSocketAddress(server.host(), server.port())));
    }
    return sessions;
  }

  @Override
  public boolean isClosed() {
    return false;
  }

  @Override
  public InetSocketAddress getRemoteSocketAddress() {
    return address;
  }

  @Override
  public String toString() {
    return "session " + address;
  }

  // Nothing below is called by a locator.

  private static UnsupportedOperationException notUsed() {
    return new UnsupportedOperationException("a locator's stand-in session has no connection");
  }

  @Override
  public void start() {
    throw notUsed();
  }

  @Override
  public void write(Object packet) {
    throw notUsed();
  }

  @Override
  public void close() {
    throw notUsed();
  }

  @Override
  public InetAddress getLocalAddress() {
    throw notUsed();
  }

  @Override
  public boolean isUseBlockingWrite() {
    throw notUsed();
  }

  @Override
  public void setUseBlockingWrite(boolean useBlockingWrite) {
    throw notUsed();
  }

  @Override
  public boolean isUseBlockingRead() {
    throw notUsed();
  }

  @Override
  public void setUseBlockingRead(boolean useBlockingRead) {
    throw notUsed();
  }

  @Override
  public void flush() {
    throw notUsed();
  }

  @Override
  public boolean isExpired() {
    throw notUsed();
  }

  @Override
  public boolean isIdle() {
    throw notUsed();
  }

  @Override
  public CodecFactory.Encoder getEncoder() {
    throw notUsed();
  }

  @Override
  public void setEncoder(CodecFactory.Encoder encoder) {
    throw notUsed();
  }

  @Override
  public CodecFactory.Decoder getDecoder() {
    throw notUsed();
  }

  @Override
  public void setDecoder(CodecFactory.Decoder decoder) {
    throw notUsed();
  }

  @Override
  public boolean isHandleReadWriteConcurrently() {
    throw notUsed();
  }

  @Override
  public void setHandleReadWriteConcurrently(boolean concurrently) {
    throw notUsed();
  }

  @Override
  public ByteOrder getReadBufferByteOrder() {
    throw notUsed();
  }

  @Override
  public void setReadBufferByteOrder(ByteOrder order) {
    throw notUsed();
  }

  @Override
  public void setAttribute(String key, Object value) {
    throw notUsed();
  }

  @Override
  public void removeAttribute(String key) {
    throw notUsed();
  }

  @Override
  public Object getAttribute(String key) {
    throw notUsed();
  }

  @Override
  public void clearAttributes() {
    throw notUsed();
  }

  @Override
  public long getScheduleWritenBytes() {
    throw notUsed();
  }

  @Override
  public long getLastOperationTimeStamp() {
    throw notUsed();
  }

  @Override
  public boolean isLoopbackConnection() {
    throw notUsed();
  }

  @Override
  public long getSessionIdleTimeout() {
    throw notUsed();
  }

  @Override
  public void setSessionIdleTimeout(long timeout) {
    throw notUsed();
  }

  @Override
  public long getSessionTimeout() {
    throw notUsed();
  }

  @Override
  public void setSessionTimeout(long timeout) {
    throw notUsed();
  }

  @Override
  public Object setAttributeIfAbsent(String key, Object value) {
    throw notUsed();
  }

  @Override
  public Handler getHandler() {
    throw notUsed();
  }
}
