package dev.provbench.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A forwarding acceptor in front of the HTTP server that closes a client's keep-alive connection once it
 * has been idle {@code idle_close_ms}, without a {@code Connection: close} header, as uvicorn does. The JDK
 * server has no per-connection control, so clients connect here and each connection is copied byte for byte
 * to a connection of its own to the server behind. A connection is idle when no exchange is being handled
 * on it, every byte the client sent has been answered (none came after the last exchange ended) and no
 * byte has moved either way for that long. Bytes a client sends after the close are never
 * read, so the server never sees that request. One per server; thread-safe; two threads per connection.
 */
final class IdleClosingFront implements AutoCloseable {
  private final ServerSocket listener;
  private final InetSocketAddress backend;
  private final long idleNanos;
  private final ExecutorService threads;
  /** Keyed by the port of our connection to the server: the exchange's remote port, as the server sees it. */
  private final Map<Integer, Link> links = new ConcurrentHashMap<>();
  private final AtomicLong idleCloses = new AtomicLong();
  private volatile boolean closed;

  private IdleClosingFront(ServerSocket listener, InetSocketAddress backend, long idleMs, ExecutorService threads) {
    this.listener = listener;
    this.backend = backend;
    this.idleNanos = idleMs * 1_000_000;
    this.threads = threads;
  }

  /** Listens on 127.0.0.1:{@code port} (0 picks one) and forwards to {@code backend}. */
  static IdleClosingFront open(int port, InetSocketAddress backend, long idleMs, ExecutorService threads)
      throws IOException {
    ServerSocket listener = new ServerSocket(port, 1024, InetAddress.getLoopbackAddress());
    IdleClosingFront front = new IdleClosingFront(listener, backend, idleMs, threads);
    threads.execute(front::accept);
    return front;
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Connections closed for being idle since start or the last {@link #resetCount()}. */
  long idleCloses() {
    return idleCloses.get();
  }

  void resetCount() {
    idleCloses.set(0);
  }

  /** The connection this exchange came in on is busy until {@link #exchangeEnded}: never idle-closed meanwhile. */
  void exchangeStarted(InetSocketAddress remote) {
    Link link = links.get(remote.getPort());
    if (link != null) link.exchanges.incrementAndGet();
  }

  void exchangeEnded(InetSocketAddress remote) {
    Link link = links.get(remote.getPort());
    if (link == null) return;
    long now = System.nanoTime();
    link.lastActivity = now;
    link.lastExchangeEnd = now;
    link.exchanges.decrementAndGet();
  }

  @Override
  public void close() {
    closed = true;
    quietly(listener);
    List.copyOf(links.values()).forEach(Link::close);
  }

  private void accept() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        continue; // closed (the loop ends) or one failed accept
      }
      try {
        client.setTcpNoDelay(true);
        Socket server = new Socket();
        server.setTcpNoDelay(true);
        server.connect(backend);
        Link link = new Link(client, server);
        links.put(server.getLocalPort(), link);
        threads.execute(link::upstream);
        threads.execute(link::downstream);
      } catch (IOException | RuntimeException e) {
        quietly(client);
      }
    }
  }

  /** One client connection and its connection to the server. */
  private final class Link {
    final Socket client;
    final Socket server;
    final AtomicInteger exchanges = new AtomicInteger();
    final AtomicBoolean done = new AtomicBoolean();
    volatile long lastActivity = System.nanoTime();
    /** When the client's bytes were last forwarded, and when an exchange last ended: a request is pending between. */
    volatile long lastForward = lastActivity - 1;
    volatile long lastExchangeEnd = lastActivity;

    Link(Socket client, Socket server) {
      this.client = client;
      this.server = server;
    }

    /** Client to server; also keeps the idle clock, so the close and the next read are never in a race here. */
    void upstream() {
      byte[] buf = new byte[16 * 1024];
      try {
        InputStream in = client.getInputStream();
        OutputStream out = server.getOutputStream();
        while (true) {
          long idleFor = System.nanoTime() - lastActivity;
          boolean busy = exchanges.get() > 0 || lastForward > lastExchangeEnd;
          if (!busy && idleFor >= idleNanos) {
            close(true);
            return;
          }
          client.setSoTimeout((int) Math.max(1, (busy ? idleNanos : idleNanos - idleFor) / 1_000_000));
          int n;
          try {
            n = in.read(buf);
          } catch (SocketTimeoutException e) {
            continue;
          }
          if (n < 0) break;
          lastActivity = System.nanoTime();
          lastForward = lastActivity;
          out.write(buf, 0, n);
        }
      } catch (IOException e) {
        // either side went away: close both
      }
      close();
    }

    /** Server to client, until the server closes (a dropped reply) or the client goes away. */
    void downstream() {
      byte[] buf = new byte[16 * 1024];
      try {
        InputStream in = server.getInputStream();
        OutputStream out = client.getOutputStream();
        for (int n; (n = in.read(buf)) >= 0; ) {
          out.write(buf, 0, n);
          lastActivity = System.nanoTime();
        }
      } catch (IOException e) {
        // either side went away: close both
      }
      close();
    }

    void close() {
      close(false);
    }

    /** Closes both sockets once; an idle close is counted first, so a client that sees it finds it counted. */
    void close(boolean idle) {
      if (!done.compareAndSet(false, true)) return;
      if (idle) idleCloses.incrementAndGet();
      links.remove(server.getLocalPort());
      quietly(client);
      quietly(server);
    }
  }

  private static void quietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // closing is best effort
    }
  }
}
