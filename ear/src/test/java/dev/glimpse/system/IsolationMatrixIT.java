package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.glimpse.system.console.ConsoleBrowser;
import dev.glimpse.system.console.LoginPage;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every endpoint of the API, as its OpenAPI document lists them, asked by every kind of caller that
 * is not the owner of what it names: no key, a malformed header, a wrong key, a revoked key, an
 * expired key, another client's key, and a reviewer's session cookie instead of a key. Each cell
 * answers as designed (401 for all but the other client, who gets 404 for the owner's items, 403
 * for the admin endpoints and its own, empty, lists), and nothing of the owner's reaches a body, a
 * header or an event of the others. An endpoint missing from the table fails the test.
 */
class IsolationMatrixIT extends DeployedEarTest {

  @RegisterExtension final ConsoleBrowser browser = new ConsoleBrowser(GlimpseClient.BASE);

  private static final String PASSWORD = "a reviewer's long password";
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final HttpClient http = HttpClient.newHttpClient();

  /** The owner's things the requests name, and a word in all of them no one else may see. */
  private record Owned(
      String client,
      String key,
      String marker,
      String image,
      String imageTask,
      String document,
      String backfill) {

    Set<String> secrets() {
      return Set.of(client, marker, image, imageTask, document, backfill);
    }
  }

  /** A way to call the API without being the owner. */
  private record Caller(String name, String header, String value) {}

  /** One endpoint: what the other client gets, and the request that asks it. */
  private record Endpoint(String method, String path, int forOtherClient, Request request) {
    String key() {
      return method + " " + path;
    }
  }

  /** The request of an endpoint, for the owner's things. */
  private interface Request {
    HttpRequest.Builder build(Owned owned, HttpRequest.Builder builder, String address);
  }

  private record Answer(int status, String text) {}

  @Test
  void everyEndpointAnswersEveryCallerButTheOwnerAsDesignedAndLeaksNothing() throws Exception {
    ollama.answerWith("ollama-ok-clean").answerSummaries();
    Owned owned = ownersThings();
    String otherKey = register("other-" + shortId(), null);
    List<Caller> callers =
        List.of(
            new Caller("no key", null, null),
            new Caller("malformed header", "Authorization", "Token " + otherKey),
            new Caller("wrong key", "Authorization", "Bearer glk_" + shortId() + shortId() + "x"),
            new Caller("revoked key", "Authorization", "Bearer " + revokedKey()),
            new Caller("expired key", "Authorization", "Bearer " + expiredKey()),
            new Caller("another client's key", "Authorization", "Bearer " + otherKey),
            new Caller("reviewer's session cookie", "Cookie", reviewerSession()));

    Map<String, Endpoint> table = table();
    assertThat(table.keySet())
        .as("the matrix's endpoints against the OpenAPI document's")
        .containsExactlyInAnyOrderElementsOf(documentedEndpoints());

    List<String> before = ownersView(owned);
    List<String> wrong = new ArrayList<>();
    for (Endpoint endpoint : table.values()) {
      for (Caller caller : callers) {
        boolean other = caller.name().equals("another client's key");
        int expected = other ? endpoint.forOtherClient() : 401;
        String address = address(endpoint, owned);
        Answer answer = send(endpoint, owned, address, caller);
        if (answer.status() != expected) {
          wrong.add(endpoint.key() + " × " + caller.name() + ": " + answer.status());
        }
        String shown = answer.text();
        for (String secret : owned.secrets()) {
          if (!address.contains(secret) && shown.contains(secret)) {
            wrong.add(endpoint.key() + " × " + caller.name() + " shows " + secret);
          }
        }
      }
    }
    assertThat(wrong).as("cells that answer otherwise than designed").isEmpty();

    assertThat(ownersView(owned))
        .as("the owner's image, document and backfill, after all the others' requests")
        .isEqualTo(before);
    assertNoEventReachesAnotherClient(owned, otherKey);
  }

  /** What the owner sees of its image, document and backfill. */
  private static List<String> ownersView(Owned owned) {
    GlimpseClient owner = new GlimpseClient(owned.key());
    return Stream.of(
            "api/v1/images/" + owned.image(),
            "api/v1/documents/" + owned.document(),
            "api/v1/backfills/" + owned.backfill())
        .map(path -> owner.get(path))
        .map(
            answer -> {
              assertThat(answer.status()).as("the owner's own").isEqualTo(200);
              return answer.body().toString();
            })
        .toList();
  }

  /**
   * The other client's event stream, open while the owner's image is described again, carries its
   * own change made after that and nothing of the owner's.
   */
  private void assertNoEventReachesAnotherClient(Owned owned, String otherKey) {
    GlimpseClient owner = new GlimpseClient(owned.key());
    GlimpseClient other = new GlimpseClient(otherKey);
    try (EventStream stream = EventStream.open(otherKey, null)) {
      assertThat(owner.post("api/v1/images/" + owned.image() + "/describe").status())
          .isEqualTo(202);
      owner.await(
          "api/v1/images/" + owned.image(),
          body -> "COMPLETED".equals(body.at("/task/status").asText()),
          PATIENCE);
      String mine = createDocument(other, "Own notice " + shortId());
      stream.await(event -> mine.equals(event.data().path("subjectId").asText()), PATIENCE);
      String events = stream.events().toString();
      for (String secret : owned.secrets()) {
        assertThat(events).as("the other client's events").doesNotContain(secret);
      }
    }
  }

  private Map<String, Endpoint> table() {
    List<Endpoint> rows =
        List.of(
            endpoint("GET", "/api/v1/images", 200, get()),
            endpoint("POST", "/api/v1/images", 400, multipartWithoutFile()),
            endpoint("GET", "/api/v1/images/{id}", 404, get()),
            endpoint(
                "PATCH", "/api/v1/images/{id}", 404, json("PATCH", "{\"altText\":\"A cat.\"}")),
            endpoint("DELETE", "/api/v1/images/{id}", 404, empty("DELETE")),
            endpoint(
                "POST",
                "/api/v1/images/{id}/review",
                404,
                json("POST", "{\"decision\":\"approve\"}")),
            endpoint("POST", "/api/v1/images/{id}/describe", 404, empty("POST")),
            endpoint("GET", "/api/v1/images/{id}/content", 404, get()),
            endpoint("GET", "/api/v1/tasks", 200, get()),
            endpoint("GET", "/api/v1/tasks/{id}", 404, get()),
            endpoint("GET", "/api/v1/tasks/failures", 200, get()),
            endpoint("POST", "/api/v1/tasks/{id}/retry", 404, empty("POST")),
            endpoint(
                "POST", "/api/v1/tasks/retry", 202, withQuery("?status=FAILED", empty("POST"))),
            endpoint("POST", "/api/v1/documents", 400, json("POST", "{}")),
            endpoint("GET", "/api/v1/documents/{id}", 404, get()),
            endpoint(
                "PUT",
                "/api/v1/documents/{id}",
                404,
                json(
                    "PUT",
                    "{\"title\":\"Mine\",\"text\":\"A text of mine.\",\"language\":\"en\"}")),
            endpoint("DELETE", "/api/v1/documents/{id}", 404, empty("DELETE")),
            endpoint("GET", "/api/v1/documents/{id}/summary", 404, get()),
            endpoint(
                "PATCH",
                "/api/v1/documents/{id}/summary",
                404,
                json("PATCH", "{\"text\":\"A summary of mine, long enough to be one.\"}")),
            endpoint("POST", "/api/v1/documents/{id}/summary", 404, empty("POST")),
            endpoint(
                "POST",
                "/api/v1/documents/{id}/summary/review",
                404,
                json("POST", "{\"decision\":\"approve\"}")),
            endpoint("GET", "/api/v1/backfills", 200, get()),
            endpoint(
                "POST",
                "/api/v1/backfills",
                200,
                withQuery("?dryRun=true", backfillOverTheOwnersMarker())),
            endpoint("GET", "/api/v1/backfills/{id}", 404, get()),
            endpoint("DELETE", "/api/v1/backfills/{id}", 404, empty("DELETE")),
            endpoint("POST", "/api/v1/backfills/{id}/pause", 404, empty("POST")),
            endpoint("POST", "/api/v1/backfills/{id}/resume", 404, empty("POST")),
            endpoint("GET", "/api/v1/stats", 200, get()),
            endpoint("GET", "/api/v1/events", 200, eventStream()),
            endpoint("GET", "/api/v1/admin/clients", 403, get()),
            endpoint("POST", "/api/v1/admin/clients", 403, json("POST", "{\"name\":\"mine\"}")),
            endpoint("GET", "/api/v1/admin/clients/{name}", 403, get()),
            endpoint("DELETE", "/api/v1/admin/clients/{name}", 403, empty("DELETE")),
            endpoint("POST", "/api/v1/admin/clients/{name}/rotate", 403, json("POST", "{}")));
    Map<String, Endpoint> table = new LinkedHashMap<>();
    rows.forEach(row -> table.put(row.key(), row));
    return table;
  }

  private static Endpoint endpoint(String method, String path, int forOther, Request request) {
    return new Endpoint(method, path, forOther, request);
  }

  private static Request get() {
    return (owned, builder, address) -> builder.GET().header("Accept", "application/json");
  }

  private static Request empty(String method) {
    return (owned, builder, address) ->
        builder
            .method(method, HttpRequest.BodyPublishers.noBody())
            .header("If-Match", "\"1\"")
            .header("Accept", "application/json");
  }

  private static Request json(String method, String body) {
    return (owned, builder, address) ->
        builder
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .header("If-Match", "\"1\"")
            .header("Accept", "application/json");
  }

  private static Request withQuery(String query, Request request) {
    return (owned, builder, address) ->
        request
            .build(owned, builder, address)
            .uri(GlimpseClient.BASE.resolve(address.substring(1) + query));
  }

  private static Request multipartWithoutFile() {
    return (owned, builder, address) ->
        builder
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "--b\r\nContent-Disposition: form-data; name=\"language\"\r\n\r\nen\r\n--b--\r\n"))
            .header("Content-Type", "multipart/form-data; boundary=b");
  }

  /** A backfill over the items holding the owner's marker: none of them is the caller's. */
  private static Request backfillOverTheOwnersMarker() {
    return (owned, builder, address) ->
        builder
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"kind\":\"DESCRIBE_IMAGE\",\"filter\":{\"q\":\"" + owned.marker() + "\"}}"))
            .header("Content-Type", "application/json");
  }

  private static Request eventStream() {
    return (owned, builder, address) -> builder.GET().header("Accept", "text/event-stream");
  }

  private static String address(Endpoint endpoint, Owned owned) {
    String id =
        switch (endpoint.path().split("/")[3]) {
          case "images" -> owned.image();
          case "tasks" -> owned.imageTask();
          case "documents" -> owned.document();
          case "backfills" -> owned.backfill();
          default -> owned.client();
        };
    return endpoint.path().replace("{id}", id).replace("{name}", owned.client());
  }

  /** Sends {@code endpoint}'s request as {@code caller}; an event stream is read no further. */
  private Answer send(Endpoint endpoint, Owned owned, String address, Caller caller)
      throws IOException, InterruptedException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(GlimpseClient.BASE.resolve(address.substring(1)))
            .timeout(Duration.ofSeconds(30));
    if (caller.header() != null) {
      builder.header(caller.header(), caller.value());
    }
    HttpRequest request = endpoint.request().build(owned, builder, address).build();
    HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
    String body;
    try (Stream<String> lines = response.body()) {
      body =
          response.statusCode() == 200 && address.endsWith("/events")
              ? firstLine(lines.iterator())
              : lines.collect(Collectors.joining("\n"));
    }
    return new Answer(response.statusCode(), response.headers().map() + "\n" + body);
  }

  private static String firstLine(Iterator<String> lines) {
    return lines.hasNext() ? lines.next() : "";
  }

  /** The API's endpoints as its OpenAPI document lists them, "METHOD /api/v1/…" each. */
  private static Set<String> documentedEndpoints() {
    JsonNode document = new GlimpseClient(null).get("openapi?format=JSON").body();
    Set<String> endpoints = new TreeSet<>();
    document
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method -> {
                          if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                            endpoints.add(method.toUpperCase() + " " + path.getKey());
                          }
                        }));
    return endpoints;
  }

  /** A client of its own with an image, its task, a document and a backfill, all settled. */
  private Owned ownersThings() {
    String marker = "secret" + shortId();
    String client = "owner-" + shortId();
    String key = register(client, null);
    GlimpseClient owner = new GlimpseClient(key);
    JsonNode image =
        owner
            .uploadImage(
                marker + ".png",
                GlimpseClient.uniqueCopy(GlimpseClient.resource("/corpus/images/chelsea.png")),
                "image/png")
            .body();
    String imageId = image.path("id").asText();
    JsonNode described =
        owner.await(
            "api/v1/images/" + imageId,
            body -> "COMPLETED".equals(body.at("/task/status").asText()),
            PATIENCE);
    assertThat(
            owner
                .uploadImage(
                    marker + "-later.png",
                    GlimpseClient.uniqueCopy(GlimpseClient.resource("/corpus/images/chelsea.png")),
                    "image/png",
                    Map.of("describe", "false"))
                .status())
        .isEqualTo(202);
    String document = createDocument(owner, marker + " notice");
    owner.await(
        "api/v1/documents/" + document + "/summary",
        body -> body.path("fresh").asBoolean(),
        PATIENCE);
    JsonNode backfill =
        owner
            .sendJson(
                "POST",
                "api/v1/backfills",
                Map.of("kind", "DESCRIBE_IMAGE", "filter", Map.of("q", marker)),
                Map.of())
            .body();
    owner.await(
        "api/v1/backfills/" + backfill.path("id").asText(),
        body -> "DONE".equals(body.path("status").asText()),
        PATIENCE);
    return new Owned(
        client,
        key,
        marker,
        imageId,
        described.at("/task/id").asText(),
        document,
        backfill.path("id").asText());
  }

  private static String createDocument(GlimpseClient client, String title) {
    GlimpseClient.Answer created =
        client.createDocument(
            title, "The archive closes early on Friday and opens again on Monday morning.");
    assertThat(created.status()).isEqualTo(201);
    return created.body().path("id").asText();
  }

  /** Registers a client, optionally expiring at {@code expiresAt}, and returns its key. */
  private String register(String name, Instant expiresAt) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("name", name);
    if (expiresAt != null) {
      request.put("expiresAt", expiresAt.toString());
    }
    GlimpseClient.Answer created = api.sendJson("POST", "api/v1/admin/clients", request, Map.of());
    assertThat(created.status()).isEqualTo(201);
    String key = created.body().path("key").asText();
    assertThat(new GlimpseClient(key).get("api/v1/stats").status())
        .as("the new key, at once")
        .isEqualTo(200);
    return key;
  }

  private String revokedKey() {
    String name = "revoked-" + shortId();
    String key = register(name, null);
    assertThat(api.delete("api/v1/admin/clients/" + name).status()).isEqualTo(200);
    return key;
  }

  /** The key of a client that expired: it worked until a few seconds ago. */
  private String expiredKey() {
    String key = register("expired-" + shortId(), Instant.now().plusSeconds(3));
    new GlimpseClient(key).awaitStatus("api/v1/stats", 401, Duration.ofSeconds(30));
    return key;
  }

  /** A signed-in reviewer's session cookie, {@code JSESSIONID=…}. */
  private String reviewerSession() throws IOException, InterruptedException {
    String reviewer = "iris-" + shortId();
    LoginPage.open(browser)
        .signInAs("admin", TestEnvironment.ADMIN_PASSWORD)
        .goToUsers()
        .add(reviewer, PASSWORD, "reviewer", "User " + reviewer + " created")
        .signOut();
    LoginPage.open(browser).signInAs(reviewer, PASSWORD);
    String cookie = "JSESSIONID=" + browser.cookie("JSESSIONID");
    HttpResponse<String> console =
        http.send(
            HttpRequest.newBuilder(GlimpseClient.BASE.resolve("admin/images.xhtml"))
                .header("Cookie", cookie)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(console.statusCode()).as("the console with the reviewer's cookie").isEqualTo(200);
    return cookie;
  }

  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
