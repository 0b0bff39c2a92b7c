package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Malformed and hostile HTTP, generated from a table: broken multipart and chunked bodies, JSON
 * that is not JSON or not the right JSON, parameters out of range or given twice, odd headers,
 * encoded paths and method overrides. Every one answers a 4xx with a problem+json body; none a 5xx,
 * none nothing.
 */
class HostileRequestsIT extends DeployedEarTest {

  private static final String KEY = "Authorization: Bearer " + TestEnvironment.API_KEY;
  private static final String JSON = "Content-Type: application/json";
  private static final String BOUNDARY = "glimpse-boundary";
  private static final String MULTIPART = "Content-Type: multipart/form-data; boundary=" + BOUNDARY;

  /**
   * One hostile request: its request line and headers, its body, and what it tries. A request whose
   * {@code framing} is broken (its request line, its chunks) never reaches the application: the
   * HTTP layer refuses it with a bare 400 or closes the connection, and nothing else may happen.
   */
  record Hostile(String name, String head, byte[] body, boolean framing) {

    Hostile(String name, String head, byte[] body) {
      this(name, head, body, false);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  @Test
  void everyHostileRequestGetsA4xxProblemAndNo5xx() {
    String image = existingImage();
    String document = existingDocument();
    List<Hostile> table = table(image, document);
    assertThat(table).hasSizeGreaterThanOrEqualTo(50);
    RawHttp http = new RawHttp(GlimpseClient.BASE);

    List<String> wrong = new ArrayList<>();
    for (Hostile hostile : table) {
      RawHttp.Answer answer = http.send(hostile.head(), hostile.body());
      boolean problem =
          answer.contentType().startsWith("application/problem+json")
              && answer.body().contains("\"status\"");
      boolean refused = answer.status() == 0 || answer.status() == 400;
      if (hostile.framing()
          ? !refused
          : answer.status() < 400 || answer.status() >= 500 || !problem) {
        wrong.add(hostile.name() + " → " + answer.status() + " " + answer.contentType());
      }
    }

    assertThat(wrong).as("requests not answered with a 4xx problem").isEmpty();
    assertThat(api.get("health/ready").status()).isEqualTo(200);
  }

  @Test
  void tenUploadsWithOneIdempotencyKeyAtOnceMakeOneImage() throws Exception {
    byte[] png = GlimpseClient.uniqueCopy(GlimpseClient.resource("/corpus/images/chelsea.png"));
    String key = "race-" + System.nanoTime();
    ExecutorService clients = Executors.newFixedThreadPool(10);
    try {
      List<Future<GlimpseClient.Answer>> uploads = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        uploads.add(
            clients.submit(
                () ->
                    api.uploadImage(
                        "race.png", png, "image/png", Map.of(), Map.of("Idempotency-Key", key))));
      }
      List<Integer> statuses = new ArrayList<>();
      Set<String> ids = new HashSet<>();
      for (Future<GlimpseClient.Answer> upload : uploads) {
        GlimpseClient.Answer answer = upload.get(60, TimeUnit.SECONDS);
        statuses.add(answer.status());
        ids.add(answer.body().path("id").asText());
      }

      assertThat(statuses).containsOnly(200, 202);
      assertThat(statuses.stream().filter(status -> status == 202)).hasSize(1);
      assertThat(ids).hasSize(1);
    } finally {
      clients.shutdownNow();
    }
  }

  private String existingImage() {
    ollama.answerWith("ollama-ok-clean");
    return api.uploadAsAndAwait(
            "chelsea.png",
            "hostile.png",
            Map.of(),
            java.util.Set.of("COMPLETED"),
            java.time.Duration.ofSeconds(30))
        .path("id")
        .asText();
  }

  private String existingDocument() {
    return api.sendJson(
            "POST",
            "api/v1/documents",
            Map.of("title", "Hostile", "text", "A short text.", "language", "en"),
            Map.of())
        .body()
        .path("id")
        .asText();
  }

  private static List<Hostile> table(String image, String document) {
    List<Hostile> table = new ArrayList<>();
    String images = "/api/v1/images";
    String documents = "/api/v1/documents";
    String oneImage = images + "/" + image;
    String oneDocument = documents + "/" + document;

    multipart(table, "multipart without a boundary", "Content-Type: multipart/form-data", "x");
    multipart(table, "multipart whose boundary never comes", MULTIPART, "just bytes\r\n");
    multipart(
        table,
        "multipart cut off inside a part",
        MULTIPART,
        "--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\n\u0089PNG");
    multipart(
        table,
        "multipart part without its blank line",
        MULTIPART,
        "--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\"file\"\r\n--"
            + BOUNDARY
            + "--\r\n");
    multipart(table, "multipart with an empty body", MULTIPART, "");
    multipart(
        table, "multipart without the file part", MULTIPART, part("altText", "A cat.") + end());
    multipart(table, "multipart with an empty file", MULTIPART, filePart("") + end());
    multipart(
        table,
        "multipart with text as the image",
        MULTIPART,
        filePart("not an image at all") + end());
    multipart(
        table,
        "multipart with an unknown priority",
        MULTIPART,
        filePart("x") + part("priority", "URGENT") + end());
    multipart(
        table,
        "multipart with a bad language",
        MULTIPART,
        filePart("x") + part("language", "<script>") + end());
    multipart(
        table,
        "multipart with a part without a name",
        MULTIPART,
        "--" + BOUNDARY + "\r\nContent-Disposition: form-data\r\n\r\nx\r\n" + end());
    raw(
        table,
        "an Idempotency-Key of 300 characters",
        "POST "
            + images
            + " HTTP/1.1\r\n"
            + KEY
            + "\r\n"
            + MULTIPART
            + "\r\nIdempotency-Key: "
            + "k".repeat(300),
        filePart("x") + end());
    raw(
        table,
        "an upload as text/plain",
        "POST " + images + " HTTP/1.1\r\n" + KEY + "\r\nContent-Type: text/plain",
        "hello");
    raw(
        table,
        "an upload without a content type",
        "POST " + images + " HTTP/1.1\r\n" + KEY,
        "hello");

    json(table, "JSON cut off", "POST", documents, "{\"title\": \"a\",");
    json(table, "not JSON", "POST", documents, "hello");
    json(table, "an empty JSON body", "POST", documents, "");
    json(table, "a JSON array", "POST", documents, "[]");
    json(table, "JSON null", "POST", documents, "null");
    json(
        table,
        "a number as the title",
        "POST",
        documents,
        "{\"title\": 5, \"text\": \"x\", \"language\": \"en\"}");
    json(
        table,
        "an object as the text",
        "POST",
        documents,
        "{\"title\": \"a\", \"text\": {\"a\": 1}, \"language\": \"en\"}");
    json(
        table,
        "an array as the text",
        "POST",
        documents,
        "{\"title\": \"a\", \"text\": [\"x\"], \"language\": \"en\"}");
    json(
        table,
        "a boolean as the language",
        "POST",
        documents,
        "{\"title\": \"a\", \"text\": \"x\", \"language\": true}");
    json(
        table,
        "JSON nested 100,000 deep",
        "POST",
        documents,
        "{\"title\":".repeat(100_000) + "1" + "}".repeat(100_000));
    json(
        table,
        "JSON arrays nested 5,000 deep",
        "POST",
        documents,
        "{\"title\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}");
    json(
        table,
        "a huge number",
        "POST",
        documents,
        "{\"title\": 1e999999, \"text\": \"x\", \"language\": \"en\"}");
    json(
        table,
        "a number of 5,000 digits",
        "POST",
        documents,
        "{\"title\": " + "9".repeat(5_000) + ", \"text\": \"x\"}");
    table.add(
        new Hostile(
            "invalid UTF-8 in JSON",
            "POST " + documents + " HTTP/1.1\r\n" + KEY + "\r\n" + JSON + "; charset=utf-8",
            concat(
                "{\"title\": \"",
                new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF},
                "\", \"text\": \"x\", \"language\": \"en\"}")));
    json(
        table,
        "an unknown field",
        "POST",
        documents,
        "{\"titel\": \"a\", \"text\": \"x\", \"language\": \"en\"}");
    json(
        table,
        "a field given twice",
        "POST",
        documents,
        "{\"title\": \"a\", \"title\": \"b\", \"text\": \"x\", \"language\": \"en\"}");
    json(
        table,
        "trailing garbage after the JSON",
        "POST",
        documents,
        "{\"title\": \"a\", \"text\": \"x\", \"language\": \"en\"} trailing");
    json(
        table,
        "JSON with comments",
        "POST",
        documents,
        "{/* c */ \"title\": \"a\", \"text\": \"x\", \"language\": \"en\"}");
    json(
        table,
        "a text of only spaces",
        "POST",
        documents,
        "{\"title\": \"a\", \"text\": \"   \", \"language\": \"en\"}");
    raw(
        table,
        "JSON with a charset nobody knows",
        "POST " + documents + " HTTP/1.1\r\n" + KEY + "\r\n" + JSON + "; charset=klingon",
        "{\"title\": \"a\", \"text\": \"x\"}");
    raw(
        table,
        "JSON sent as XML",
        "POST " + documents + " HTTP/1.1\r\n" + KEY + "\r\nContent-Type: application/xml",
        "{\"title\": \"a\", \"text\": \"x\"}");
    raw(
        table,
        "a content type that is not one",
        "POST " + documents + " HTTP/1.1\r\n" + KEY + "\r\nContent-Type: a/b/c",
        "{\"title\": \"a\", \"text\": \"x\"}");

    raw(
        table,
        "an ALT text edit with a garbage If-Match",
        "PATCH " + oneImage + " HTTP/1.1\r\n" + KEY + "\r\n" + JSON + "\r\nIf-Match: garbage",
        "{\"altText\": \"A cat on a mat.\", \"labels\": []}");
    raw(
        table,
        "an ALT text edit with labels as a string",
        "PATCH " + oneImage + " HTTP/1.1\r\n" + KEY + "\r\n" + JSON + "\r\nIf-Match: \"1\"",
        "{\"altText\": \"A cat on a mat.\", \"labels\": \"cat\"}");
    raw(
        table,
        "a document replaced with a garbage If-Match",
        "PUT " + oneDocument + " HTTP/1.1\r\n" + KEY + "\r\n" + JSON + "\r\nIf-Match: \"v-two\"",
        "{\"title\": \"a\", \"text\": \"x\", \"language\": \"en\"}");
    json(
        table,
        "a review decision nobody knows",
        "POST",
        oneImage + "/review",
        "{\"decision\": \"maybe\"}");
    json(table, "a review decision as a number", "POST", oneImage + "/review", "{\"decision\": 1}");

    get(table, "a negative page", images + "?page=-1");
    get(table, "a page that is not a number", images + "?page=abc");
    get(table, "a page size of zero", images + "?size=0");
    get(table, "a page size of a million", images + "?size=1000000");
    get(table, "a page so far on that page × size overflows", images + "?page=2147483647&size=100");
    get(table, "the page given twice", images + "?page=1&page=2");
    get(table, "a status nobody knows", images + "?status=BOGUS");
    get(table, "a task status nobody knows", "/api/v1/tasks?status=NOPE");
    get(table, "a task kind nobody knows", "/api/v1/tasks?kind=MINING");
    get(table, "a summary wait that is not a number", oneDocument + "/summary?wait=soon");
    get(table, "a negative summary wait", oneDocument + "/summary?wait=-5");
    get(table, "an image variant nobody knows", oneImage + "/content?variant=huge");

    get(table, "an encoded slash climbing out", images + "/..%2F..%2Fetc%2Fpasswd");
    get(table, "an encoded NUL in the id", images + "/%00");
    table.add(
        new Hostile(
            "a broken percent encoding",
            "GET " + images + "/%ZZ HTTP/1.1\r\n" + KEY,
            new byte[0],
            true));
    get(table, "an id of 10,000 characters", images + "/" + "a".repeat(10_000));
    raw(
        table,
        "a method override to DELETE",
        "POST " + oneImage + " HTTP/1.1\r\n" + KEY + "\r\nX-HTTP-Method-Override: DELETE",
        "");
    raw(table, "a method nobody knows", "BREW " + images + " HTTP/1.1\r\n" + KEY, "");
    raw(
        table,
        "an Accept of XML only",
        "GET " + images + " HTTP/1.1\r\n" + KEY + "\r\nAccept: application/xml",
        "");
    raw(
        table,
        "an Accept that is not a media type",
        "GET " + images + " HTTP/1.1\r\n" + KEY + "\r\nAccept: ///",
        "");
    raw(table, "no API key", "GET " + images + " HTTP/1.1", "");
    raw(table, "an empty bearer token", "GET " + images + " HTTP/1.1\r\nAuthorization: Bearer", "");
    table.add(
        new Hostile(
            "a chunked body with a broken chunk size",
            "POST "
                + documents
                + " HTTP/1.1\r\n"
                + KEY
                + "\r\n"
                + JSON
                + "\r\nTransfer-Encoding: chunked",
            "zz\r\n{\"title\"\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
            true));
    table.add(
        new Hostile(
            "a chunked upload cut off",
            "POST "
                + images
                + " HTTP/1.1\r\n"
                + KEY
                + "\r\n"
                + MULTIPART
                + "\r\nTransfer-Encoding: chunked",
            ("40\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"")
                .getBytes(StandardCharsets.US_ASCII),
            true));
    return table;
  }

  private static void multipart(List<Hostile> table, String name, String contentType, String body) {
    raw(table, name, "POST /api/v1/images HTTP/1.1\r\n" + KEY + "\r\n" + contentType, body);
  }

  private static void json(
      List<Hostile> table, String name, String method, String path, String body) {
    raw(table, name, method + " " + path + " HTTP/1.1\r\n" + KEY + "\r\n" + JSON, body);
  }

  private static void get(List<Hostile> table, String name, String path) {
    raw(table, name, "GET " + path + " HTTP/1.1\r\n" + KEY, "");
  }

  private static void raw(List<Hostile> table, String name, String head, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String withLength =
        head
            + (bytes.length > 0
                    || head.startsWith("POST")
                    || head.startsWith("PUT")
                    || head.startsWith("PATCH")
                ? "\r\nContent-Length: " + bytes.length
                : "");
    table.add(new Hostile(name, withLength, bytes));
  }

  private static String part(String name, String value) {
    return "--"
        + BOUNDARY
        + "\r\nContent-Disposition: form-data; name=\""
        + name
        + "\"\r\n\r\n"
        + value
        + "\r\n";
  }

  private static String filePart(String content) {
    return "--"
        + BOUNDARY
        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n"
        + content
        + "\r\n";
  }

  private static String end() {
    return "--" + BOUNDARY + "--\r\n";
  }

  private static byte[] concat(String before, byte[] middle, String after) {
    byte[] a = before.getBytes(StandardCharsets.UTF_8);
    byte[] c = after.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[a.length + middle.length + c.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(middle, 0, all, a.length, middle.length);
    System.arraycopy(c, 0, all, a.length + middle.length, c.length);
    return all;
  }
}
