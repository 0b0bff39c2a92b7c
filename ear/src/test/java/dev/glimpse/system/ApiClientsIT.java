package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.glimpse.system.console.Accessibility;
import dev.glimpse.system.console.ApiClientsPage;
import dev.glimpse.system.console.ConsoleBrowser;
import dev.glimpse.system.console.LoginPage;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * API clients kept in the database: an admin client registers, rotates and revokes them through
 * {@code /api/v1/admin/clients}, and a change holds on a second node within seconds; nobody else
 * may; an admin does the same on the console, where a new key is shown once.
 */
class ApiClientsIT extends DeployedEarTest {

  /** How soon a rotation or a revocation holds on the other node. */
  private static final Duration ON_EVERY_NODE = Duration.ofSeconds(5);

  @ArquillianResource ContainerController controller;

  @ArquillianResource Deployer deployer;

  @RegisterExtension final ConsoleBrowser browser = new ConsoleBrowser(GlimpseClient.BASE);

  @Deployment(name = "second", managed = false, testable = false)
  @TargetsContainer("second")
  static EnterpriseArchive secondNode() {
    return ServerNode.application();
  }

  @Test
  void aRegisteredKeyIsRotatedAndRevokedAndBothHoldOnTheOtherNodeWithinSeconds() {
    String name = "archive-" + shortId();
    GlimpseClient.Answer created =
        api.sendJson("POST", "api/v1/admin/clients", Map.of("name", name), Map.of());
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.location()).endsWith("api/v1/admin/clients/" + name);
    assertThat(created.header("Cache-Control")).contains("no-store");
    String first = created.body().path("key").asText();
    assertThat(first).startsWith("glk_").hasSize(63);
    assertThat(created.body().at("/client/status").asText()).isEqualTo("active");
    assertThat(created.body().at("/client/admin").asBoolean()).isFalse();
    assertThat(created.body().at("/client/createdBy").asText()).isEqualTo("api:bootstrap");

    ServerNode second = ServerNode.SECOND;
    second.start(controller, deployer);
    try {
      GlimpseClient here = new GlimpseClient(first);
      GlimpseClient there = new GlimpseClient(first, second.base());
      assertThat(here.get("api/v1/images").status()).isEqualTo(200);
      assertThat(there.get("api/v1/images").status()).isEqualTo(200);

      GlimpseClient.Answer rotated =
          api.sendJson(
              "POST",
              "api/v1/admin/clients/" + name + "/rotate",
              Map.of("grace", "PT3S"),
              Map.of());
      assertThat(rotated.status()).isEqualTo(200);
      String next = rotated.body().path("key").asText();
      assertThat(next).isNotEqualTo(first);
      assertThat(new GlimpseClient(next, second.base()).get("api/v1/images").status())
          .as("the new key on the other node, at once")
          .isEqualTo(200);
      assertThat(there.get("api/v1/images").status())
          .as("the old key within its grace period")
          .isEqualTo(200);
      there.awaitStatus("api/v1/images", 401, Duration.ofSeconds(3).plus(ON_EVERY_NODE));

      JsonNode listed = api.get("api/v1/admin/clients/" + name).body();
      assertThat(listed.path("keys")).hasSize(2);
      assertThat(listed.at("/keys/0/retiresAt").isNull()).isTrue();
      assertThat(listed.at("/keys/1/retiresAt").isNull()).isFalse();
      assertThat(listed.toString())
          .doesNotContain(first.substring(20))
          .doesNotContain(next.substring(20));
      assertThat(listed.path("lastUsedAt").isNull()).isFalse();

      GlimpseClient.Answer revoked = api.delete("api/v1/admin/clients/" + name);
      assertThat(revoked.status()).isEqualTo(200);
      assertThat(revoked.body().path("status").asText()).isEqualTo("revoked");
      new GlimpseClient(next, second.base()).awaitStatus("api/v1/images", 401, ON_EVERY_NODE);
      assertThat(new GlimpseClient(next).get("api/v1/images").status()).isEqualTo(401);
    } finally {
      second.stop(controller, deployer);
    }
  }

  @Test
  void onlyAnAdminClientManagesClientsAndWhatMakesNoSenseIsAProblem() {
    String name = "reader-" + shortId();
    String key =
        api.sendJson("POST", "api/v1/admin/clients", Map.of("name", name), Map.of())
            .body()
            .path("key")
            .asText();
    for (GlimpseClient normal :
        new GlimpseClient[] {
          new GlimpseClient(key), new GlimpseClient(TestEnvironment.OTHER_API_KEY)
        }) {
      assertProblem(normal.get("api/v1/admin/clients"), 403, "admin client");
      assertProblem(
          normal.sendJson(
              "POST", "api/v1/admin/clients", Map.of("name", "x" + shortId()), Map.of()),
          403,
          "admin client");
      assertProblem(normal.delete("api/v1/admin/clients/" + name), 403, "admin client");
    }

    assertProblem(
        api.sendJson("POST", "api/v1/admin/clients", Map.of("name", name), Map.of()),
        409,
        "exists or existed");
    assertProblem(
        api.sendJson("POST", "api/v1/admin/clients", Map.of("name", "Not A Name"), Map.of()),
        400,
        "lower-case");
    assertProblem(
        api.sendJson(
            "POST",
            "api/v1/admin/clients",
            Map.of("name", "late-" + shortId(), "expiresAt", "2020-01-01T00:00:00Z"),
            Map.of()),
        400,
        "future");
    assertProblem(
        api.sendJson("POST", "api/v1/admin/clients/other/rotate", Map.of(), Map.of()),
        409,
        "environment");
    assertProblem(
        api.sendJson(
            "POST", "api/v1/admin/clients/" + name + "/rotate", Map.of("grace", "soon"), Map.of()),
        400,
        "ISO-8601");
    assertProblem(api.get("api/v1/admin/clients/nobody-" + shortId()), 404, "does not exist");

    JsonNode all = api.get("api/v1/admin/clients").body();
    assertThat(all.get(0).path("name").asText()).isEqualTo("bootstrap");
    assertThat(all.get(0).path("admin").asBoolean()).isTrue();
    assertThat(all.get(0).path("source").asText()).isEqualTo("environment");
    assertThat(all.findValuesAsText("name")).contains("other", name);
  }

  @Test
  void anAdminRegistersAClientOnTheConsoleSeesItsKeyOnceRotatesAndRevokesIt() {
    String name = "console-" + shortId();
    ApiClientsPage page =
        LoginPage.open(browser).signInAs("admin", TestEnvironment.ADMIN_PASSWORD).goToApiClients();

    String key = page.register(name);
    assertThat(new GlimpseClient(key).get("api/v1/images").status()).isEqualTo(200);
    assertThat(page.status(name)).isEqualTo("active");
    Accessibility.check(browser);
    browser.keepScreenshot("api-clients.png");

    page.dismissKey();
    assertThat(page.showsAKey()).isFalse();
    assertThat(page.source()).doesNotContain(key);
    ApiClientsPage again = page.goToApiClients();
    assertThat(again.source()).doesNotContain(key);

    String next = again.rotate(name, 0);
    assertThat(next).isNotEqualTo(key);
    assertThat(new GlimpseClient(key).get("api/v1/images").status()).isEqualTo(401);
    assertThat(new GlimpseClient(next).get("api/v1/images").status()).isEqualTo(200);
    assertThat(again.keyIds(name)).hasSize(2);

    again.revoke(name);
    assertThat(again.status(name)).isEqualTo("revoked");
    assertThat(new GlimpseClient(next).get("api/v1/images").status()).isEqualTo(401);
    Accessibility.check(browser);
  }

  private static void assertProblem(GlimpseClient.Answer answer, int status, String detail) {
    assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.body().path("detail").asText()).contains(detail);
  }

  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
