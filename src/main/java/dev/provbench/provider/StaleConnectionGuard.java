package dev.provbench.provider;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Response;

/**
 * Stops a request from going out on a pooled HTTP/1 connection the server has already closed. Servers close
 * idle keep-alive connections (uvicorn, so vLLM, after 5 s; some right after a response) and OkHttp only
 * checks connections idle 10 s or more, so the next request would fail although the server never saw it.
 *
 * <p>Before a request is written on a reused connection idle for at least {@link #IDLE_BEFORE_CHECK_NS}, a 1 ms
 * read tells whether the peer closed it (end of stream, a reset, or bytes nobody asked for). If so the socket
 * is closed and {@link StaleConnectionException} thrown, so the caller can send again on a fresh connection.
 * Busy connections (reused sooner) are not checked, so the normal path pays nothing. A request the server may
 * have read is never flagged: the check runs before any byte of it is written.
 *
 * <p>One per JVM, installed both as network interceptor and event listener of {@link HttpClients}; thread-safe.
 */
final class StaleConnectionGuard extends EventListener implements Interceptor {
  static final StaleConnectionGuard INSTANCE = new StaleConnectionGuard();

  /** Connections reused sooner are trusted: a server closing after a response does so within milliseconds. */
  static final long IDLE_BEFORE_CHECK_NS = 50_000_000L;

  /** When each pooled connection was last released; weak so closed connections leave with the pool. */
  private final Map<Connection, Long> releasedAt = Collections.synchronizedMap(new WeakHashMap<>());

  private StaleConnectionGuard() {}

  /** A reused connection was found closed by its peer before the request was written: send again, uncounted. */
  static final class StaleConnectionException extends IOException {
    StaleConnectionException(String message) {
      super(message);
    }
  }

  @Override
  public void connectionReleased(Call call, Connection connection) {
    releasedAt.put(connection, System.nanoTime());
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Connection connection = chain.connection();
    if (connection != null && idleLongEnough(connection) && peerClosed(connection.socket())) {
      connection.socket().close();
      throw new StaleConnectionException("the pooled connection to " + chain.request().url().host()
          + " was closed by the server while idle");
    }
    return chain.proceed(chain.request());
  }

  private boolean idleLongEnough(Connection connection) {
    // HTTP/2 multiplexes: a raw read would steal another stream's frames, and its pings check health anyway.
    if (connection.protocol() != Protocol.HTTP_1_1 && connection.protocol() != Protocol.HTTP_1_0) return false;
    Long released = releasedAt.get(connection);
    return released != null && System.nanoTime() - released >= IDLE_BEFORE_CHECK_NS;
  }

  /** True when the peer ended or reset the connection, or sent bytes on an idle one; waits at most 1 ms. */
  static boolean peerClosed(Socket socket) {
    if (socket.isClosed() || socket.isInputShutdown()) return true;
    try {
      int timeout = socket.getSoTimeout();
      try {
        socket.setSoTimeout(1);
        InputStream in = socket.getInputStream();
        in.read(); // -1 at end of stream; a byte would be garbage on an idle HTTP/1 connection
        return true;
      } finally {
        socket.setSoTimeout(timeout);
      }
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (IOException resetOrClosed) {
      return true;
    }
  }
}
