package dev.glimpse.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.zip.CRC32;

/** A small HTTP client for the Glimpse API, as another system would use it. */
final class GlimpseClient {

  static final URI BASE = URI.create("http://localhost:8080/");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient http;
  private final String apiKey;
  private final URI base;

  GlimpseClient(String apiKey) {
    this(apiKey, BASE);
  }

  /** A client of the server at {@code base}. */
  GlimpseClient(String apiKey, URI base) {
    this(apiKey, base, HttpClient.Version.HTTP_2);
  }

  private GlimpseClient(String apiKey, URI base, HttpClient.Version version) {
    this.apiKey = apiKey;
    this.base = base;
    this.http =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(version).build();
  }

  /**
   * A client on a connection of its own speaking HTTP/1.1, as most API clients do (curl, Python's
   * requests): the benchmarks' clients, each of which is to be one client, not one stream of a
   * connection shared with the others under HTTP/2's flow control.
   */
  static GlimpseClient ofHttp11(String apiKey) {
    return new GlimpseClient(apiKey, BASE, HttpClient.Version.HTTP_1_1);
  }

  /** An answer: status, content type and body as JSON (or null when empty). */
  record Answer(
      int status, String contentType, JsonNode body, String location, HttpHeaders headers) {

    /** The value of the response header {@code name}, or null. */
    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  /** Creates a document in English: 201 with it, or the refusal. */
  Answer createDocument(String title, String text) {
    return sendJson(
        "POST",
        "api/v1/documents",
        Map.of("title", title, "text", text, "language", "en"),
        Map.of());
  }

  /** Sends {@code json} with {@code method} (POST, PUT) and the given headers. */
  Answer sendJson(String method, String path, Object json, Map<String, String> headers) {
    try {
      HttpRequest.Builder request =
          authorized(HttpRequest.newBuilder(base.resolve(path)))
              .header("Content-Type", "application/json")
              .method(method, HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(json)));
      headers.forEach(request::setHeader);
      return send(request.build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Answer uploadImage(String filename, byte[] bytes, String contentType) {
    return uploadImage(filename, bytes, contentType, Map.of());
  }

  /** Uploads an image with more form fields (priority, language, altText). */
  Answer uploadImage(
      String filename, byte[] bytes, String contentType, Map<String, String> fields) {
    return uploadImage(filename, bytes, contentType, fields, Map.of());
  }

  /** Uploads an image with more form fields and request headers (Idempotency-Key). */
  Answer uploadImage(
      String filename,
      byte[] bytes,
      String contentType,
      Map<String, String> fields,
      Map<String, String> headers) {
    String boundary = "glimpse-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach(
        (name, value) ->
            write(
                body,
                "--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + name
                    + "\"\r\n\r\n"
                    + value
                    + "\r\n"));
    write(
        body,
        "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\"file\"; filename=\""
            + filename
            + "\"\r\n"
            + "Content-Type: "
            + contentType
            + "\r\n\r\n");
    body.writeBytes(bytes);
    write(body, "\r\n--" + boundary + "--\r\n");
    HttpRequest.Builder request =
        authorized(HttpRequest.newBuilder(base.resolve("api/v1/images")))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    headers.forEach(request::header);
    return send(request.build());
  }

  /**
   * Uploads the test image {@code name} and waits until its task reaches {@code status}. A PNG is
   * sent as a copy with bytes of its own, so no earlier description of the same image is reused.
   */
  JsonNode uploadAndAwait(String name, String contentType, String status, Duration timeout) {
    byte[] bytes = resource("/corpus/images/" + name);
    Answer created =
        uploadImage(name, name.endsWith(".png") ? uniqueCopy(bytes) : bytes, contentType);
    return awaitTask(created, name, Set.of(status), timeout);
  }

  /**
   * Uploads a copy with bytes of its own of the test PNG {@code name} as {@code filename}, with
   * more form fields, and waits until its task reaches one of {@code statuses}.
   */
  JsonNode uploadAsAndAwait(
      String name,
      String filename,
      Map<String, String> fields,
      Set<String> statuses,
      Duration timeout) {
    Answer created =
        uploadImage(filename, uniqueCopy(resource("/corpus/images/" + name)), "image/png", fields);
    return awaitTask(created, filename, statuses, timeout);
  }

  /** The uploaded image of {@code created} once its task reaches one of {@code statuses}. */
  private JsonNode awaitTask(
      Answer created, String filename, Set<String> statuses, Duration timeout) {
    if (created.status() != 202) {
      throw new AssertionError(
          "upload of " + filename + " answered " + created.status() + ": " + created.body());
    }
    return await(
        "api/v1/images/" + created.body().path("id").asText(),
        body -> statuses.contains(body.at("/task/status").asText()),
        timeout);
  }

  Answer post(String path) {
    return send(
        authorized(HttpRequest.newBuilder(base.resolve(path)))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build());
  }

  Answer delete(String path) {
    return send(authorized(HttpRequest.newBuilder(base.resolve(path))).DELETE().build());
  }

  Answer get(String path) {
    return send(authorized(HttpRequest.newBuilder(base.resolve(path))).GET().build());
  }

  /** Polls {@code path} until its body satisfies {@code done}, or fails after {@code timeout}. */
  JsonNode await(String path, Predicate<JsonNode> done, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    JsonNode last = null;
    while (Instant.now().isBefore(deadline)) {
      Answer answer = get(path);
      last = answer.body();
      if (answer.status() == 200 && done.test(last)) {
        return last;
      }
      sleep(Duration.ofMillis(250));
    }
    throw new AssertionError(
        "gave up after " + timeout + " waiting on " + path + "; last answer: " + last);
  }

  /** Polls {@code path} until it answers {@code status}, or fails after {@code timeout}. */
  Answer awaitStatus(String path, int status, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    Answer answer = get(path);
    while (answer.status() != status) {
      if (!Instant.now().isBefore(deadline)) {
        throw new AssertionError(
            path + " still answered " + answer.status() + ", not " + status + ", after " + timeout);
      }
      sleep(Duration.ofMillis(200));
      answer = get(path);
    }
    return answer;
  }

  /** The PNG {@code png} with a text chunk holding a fresh UUID: same pixels, new content hash. */
  static byte[] uniqueCopy(byte[] png) {
    byte[] text = ("Comment\0" + UUID.randomUUID()).getBytes(StandardCharsets.ISO_8859_1);
    ByteBuffer chunk = ByteBuffer.allocate(12 + text.length);
    chunk.putInt(text.length).put("tEXt".getBytes(StandardCharsets.US_ASCII)).put(text);
    CRC32 crc = new CRC32();
    crc.update(chunk.array(), 4, 4 + text.length);
    chunk.putInt((int) crc.getValue());
    int afterHeader = 8 + 25;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(png, 0, afterHeader);
    out.writeBytes(chunk.array());
    out.write(png, afterHeader, png.length - afterHeader);
    return out.toByteArray();
  }

  static byte[] resource(String path) {
    try (InputStream in = GlimpseClient.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bytes at {@code path}: status, content type and body. */
  record Bytes(int status, String contentType, byte[] body) {}

  /** Reads {@code path} as bytes, whatever its status. */
  Bytes bytes(String path) {
    try {
      HttpResponse<byte[]> response =
          http.send(
              authorized(HttpRequest.newBuilder(base.resolve(path))).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      return new Bytes(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The body of {@code path} as text, asserting a 200. */
  String text(String path) {
    try {
      HttpResponse<String> response =
          http.send(
              authorized(HttpRequest.newBuilder(base.resolve(path))).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError(path + " answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder authorized(HttpRequest.Builder builder) {
    return apiKey == null ? builder : builder.header("Authorization", "Bearer " + apiKey);
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null),
          body == null || body.isEmpty() ? null : MAPPER.readTree(body),
          response.headers().firstValue("Location").orElse(null),
          response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
