package tutorial.common.http;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import tutorial.common.tracing.Tracing;

/**
 * One access-log line per request on stderr, as the tutorial's Flask server writes one: {@code
 * 127.0.0.1 "GET /about HTTP/1.1" 200 34 bytes 1 ms}, and {@code trace_id=...} after it when the
 * request was traced ({@link Tracing}). Cheap enough to stay on by default: the request thread
 * appends its line to a buffer, and one writer thread writes whatever has gathered with a single
 * system call, {@value #FLUSH_MILLIS} ms after the first line of a batch or as soon as {@value
 * #FLUSH_BYTES} bytes wait. Jetty's own writer queues each line and writes it with a call of its
 * own, which costs a route far more than the 1 % that would let it replace this one (measured in
 * the same run: BENCHMARKS.md, "Kept after a same-run measurement"). Nothing is dropped: past
 * {@value #MAX_BYTES} bytes (stderr blocked) a request waits for the writer, and a graceful stop,
 * which stops this after the last request, writes the rest before the process exits.
 */
public final class RequestLog extends AbstractLifeCycle
    implements org.eclipse.jetty.server.RequestLog {

  static final int FLUSH_MILLIS = 50;
  static final int FLUSH_BYTES = 32 * 1024;
  static final int MAX_BYTES = 1024 * 1024;

  /** Each request thread's line, reused: Jetty's request threads are pooled. */
  private static final ThreadLocal<StringBuilder> LINE =
      ThreadLocal.withInitial(() -> new StringBuilder(256));

  /**
   * Whether any request in this JVM may carry a trace id: looking for one in every response's
   * headers was a sixth of the log's cost, for nothing in a service that never traces.
   */
  private static volatile boolean tracing;

  private final OutputStream out;

  // A ReentrantLock, and the writer parked rather than waiting on a monitor: a monitor that is
  // waited on stays inflated, and each request then entered it through the JVM's slow path
  // (a fifth of the log's cost in a profile); this lock is a compare-and-set in compiled code.
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition room = lock.newCondition();
  private StringBuilder pending = new StringBuilder(FLUSH_BYTES);
  private StringBuilder writing = new StringBuilder(FLUSH_BYTES);
  private volatile boolean stopping;
  private volatile RemoteAddress lastRemote = new RemoteAddress(null, "");
  private volatile Thread writer;

  public RequestLog(OutputStream out) {
    this.out = out;
  }

  static RequestLog toStandardError() {
    // unbuffered: the batch is the buffer
    return new RequestLog(new FileOutputStream(FileDescriptor.err));
  }

  /** From now on, requests may carry a trace id in their response, to be logged. */
  public static void expectTraceIds() {
    tracing = true;
  }

  @Override
  public void log(Request request, Response response) {
    // formatted before taking the lock: the request threads only wait on each other for a copy
    StringBuilder line = LINE.get();
    line.setLength(0);
    line.append(remoteAddress(request))
        .append(" \"")
        .append(request.getMethod())
        .append(' ')
        .append(request.getHttpURI().getPathQuery())
        .append(' ')
        .append(request.getConnectionMetaData().getProtocol())
        .append("\" ")
        .append(response.getStatus())
        .append(' ')
        .append(Response.getContentBytesWritten(response))
        .append(" bytes ")
        .append(NanoTime.millisSince(request.getBeginNanoTime()))
        .append(" ms");
    // a traced request's trace id, to go from an exemplar to this line and back
    String traceId =
        tracing ? Tracing.traceId(response.getHeaders().get(Tracing.RESPONSE_HEADER)) : null;
    if (traceId != null) {
      line.append(" trace_id=").append(traceId);
    }
    line.append('\n');
    boolean wakeWriter;
    lock.lock();
    try {
      while (pending.length() > MAX_BYTES && !stopping) {
        room.awaitUninterruptibly();
      }
      int before = pending.length();
      pending.append(line);
      // the first line of a batch starts the writer's wait, a full batch ends it
      wakeWriter = before == 0 || (before < FLUSH_BYTES && pending.length() >= FLUSH_BYTES);
    } finally {
      lock.unlock();
    }
    if (wakeWriter) {
      LockSupport.unpark(writer);
    }
  }

  /**
   * Jetty's text for the client's address, kept for the last address seen: the clients of a service
   * are few, and writing out an address anew for every request was a third of the log's cost in a
   * profile.
   */
  private String remoteAddress(Request request) {
    SocketAddress socket = request.getConnectionMetaData().getRemoteSocketAddress();
    InetAddress address = socket instanceof InetSocketAddress inet ? inet.getAddress() : null;
    RemoteAddress last = lastRemote;
    if (address == null || !address.equals(last.address())) {
      last = new RemoteAddress(address, Request.getRemoteAddr(request));
      lastRemote = last;
    }
    return last.text();
  }

  private record RemoteAddress(InetAddress address, String text) {}

  @Override
  protected void doStart() {
    stopping = false;
    writer = new Thread(this::writeUntilStopped, "access-log");
    writer.setDaemon(true);
    writer.start();
  }

  @Override
  protected void doStop() throws InterruptedException {
    stopping = true;
    LockSupport.unpark(writer);
    writer.join();
  }

  private void writeUntilStopped() {
    boolean last = false;
    while (!last) {
      while (pendingBytes() == 0 && !stopping) {
        LockSupport.park(this);
      }
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FLUSH_MILLIS);
      long left;
      while (!stopping
          && pendingBytes() < FLUSH_BYTES
          && (left = deadline - System.nanoTime()) > 0) {
        LockSupport.parkNanos(this, left);
      }
      lock.lock();
      try {
        last = stopping;
        StringBuilder full = pending;
        pending = writing;
        writing = full;
        // requests waiting for room may go on
        room.signalAll();
      } finally {
        lock.unlock();
      }
      write(writing);
      writing.setLength(0);
    }
  }

  private int pendingBytes() {
    lock.lock();
    try {
      return pending.length();
    } finally {
      lock.unlock();
    }
  }

  private void write(StringBuilder lines) {
    if (lines.length() == 0) {
      return;
    }
    try {
      out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      // stderr is gone (a closed pipe): there is nowhere left to log to
    }
  }
}
