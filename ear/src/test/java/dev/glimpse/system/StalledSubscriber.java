package dev.glimpse.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * A subscriber of {@code GET /api/v1/events} that stops reading: a plain socket with a small
 * receive buffer, which reads the response head and then nothing until the test asks for what
 * reached it. Its request says {@code Connection: close}, so the end of the stream is the end of
 * the connection.
 */
final class StalledSubscriber implements AutoCloseable {

  private static final int RECEIVE_BUFFER = 1024;

  private final Socket socket;
  private final InputStream in;
  private final String head;

  private StalledSubscriber(Socket socket, InputStream in, String head) {
    this.socket = socket;
    this.in = in;
    this.head = head;
  }

  /** Subscribes to the server at {@code base} with {@code apiKey}, and stops reading. */
  static StalledSubscriber open(URI base, String apiKey) {
    try {
      Socket socket = new Socket();
      socket.setReceiveBufferSize(RECEIVE_BUFFER);
      socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("GET /api/v1/events HTTP/1.1\r\nHost: "
                      + base.getHost()
                      + ":"
                      + base.getPort()
                      + "\r\nAccept: text/event-stream\r\nAuthorization: Bearer "
                      + apiKey
                      + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          throw new AssertionError("the event stream ended before its head: " + head);
        }
        head.write(b);
      }
      String text = head.toString(StandardCharsets.ISO_8859_1);
      if (!text.startsWith("HTTP/1.1 200")) {
        throw new AssertionError("the event stream answered " + text);
      }
      return new StalledSubscriber(socket, in, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts reading at last: everything the server sent until it closed the stream, as text (the
   * chunked framing removed). Fails when the stream is still open after {@code timeout}.
   */
  String readToEnd(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      while (true) {
        int n;
        try {
          n = in.read(buffer);
        } catch (SocketTimeoutException e) {
          n = 0;
        }
        if (n < 0) {
          return dechunk(body.toByteArray());
        }
        body.write(buffer, 0, n);
        if (Instant.now().isAfter(deadline)) {
          throw new AssertionError(
              "the server still keeps open the stream of a subscriber that stopped reading");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the response is chunked, as a stream of unknown length is. */
  private boolean isChunked() {
    return head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked");
  }

  private String dechunk(byte[] raw) {
    if (!isChunked()) {
      return new String(raw, StandardCharsets.UTF_8);
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int at = 0;
    while (at < raw.length) {
      int lineEnd = indexOfCrlf(raw, at);
      if (lineEnd < 0) {
        break;
      }
      String sizeLine = new String(raw, at, lineEnd - at, StandardCharsets.ISO_8859_1);
      int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
      at = lineEnd + 2;
      if (size == 0) {
        break;
      }
      int available = Math.min(size, raw.length - at);
      body.write(raw, at, available);
      at += size + 2;
    }
    return body.toString(StandardCharsets.UTF_8);
  }

  private static int indexOfCrlf(byte[] raw, int from) {
    for (int i = from; i + 1 < raw.length; i++) {
      if (raw[i] == '\r' && raw[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
