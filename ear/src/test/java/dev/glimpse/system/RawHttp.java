package dev.glimpse.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 spoken over a plain socket, byte for byte as given: for requests no well-behaved client
 * would send (broken chunked bodies, raw encoded slashes, duplicate headers).
 */
final class RawHttp {

  /** A server's answer: its status (0 when it sent none), headers in lower case, and body. */
  record Answer(int status, Map<String, String> headers, String body) {

    String contentType() {
      return headers.getOrDefault("content-type", "");
    }
  }

  private final URI base;

  RawHttp(URI base) {
    this.base = base;
  }

  /**
   * Sends {@code head} (request line and headers, without the blank line) and {@code body}, and
   * reads the answer, also when the server gave it before it read the whole request.
   */
  Answer send(String head, byte[] body) {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(15_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(
            (head
                    + "\r\nHost: "
                    + base.getHost()
                    + ":"
                    + base.getPort()
                    + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        socket.shutdownOutput();
      } catch (SocketException answeredEarly) {
        // the server answered and closed before it read all of the request: read its answer
      }
      return parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sends {@code head} and only the first bytes of its body, {@code start}, and reads the answer
   * while the rest is never sent: an answer (status not 0) shows the server did not wait for the
   * whole body.
   */
  Answer sendStarted(String head, byte[] start) {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(15_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(
            (head + "\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.write(start);
        out.flush();
      } catch (SocketException answeredEarly) {
        // the server answered and closed before it read what was sent: read its answer
      }
      return parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        all.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException | SocketException closed) {
      return all.toByteArray();
    }
    return all.toByteArray();
  }

  private static Answer parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/") || end < 0) {
      return new Answer(0, Map.of(), text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    Map<String, String> headers = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
    }
    return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
  }
}
