package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.system.console.ConsoleBrowser;
import dev.glimpse.system.console.LoginPage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An admin sets an API client's daily quota of uploads on the settings page: the upload after it
 * answers 429 with Retry-After and a problem naming the quota, and other clients go on.
 */
class QuotasIT extends DeployedEarTest {

  private static final int QUOTA = 10;

  @RegisterExtension final ConsoleBrowser browser = new ConsoleBrowser(GlimpseClient.BASE);

  private final GlimpseClient other = new GlimpseClient(TestEnvironment.OTHER_API_KEY);

  @AfterEach
  void liftEveryQuota() throws SQLException {
    try (Connection connection = database();
        Statement statement = connection.createStatement()) {
      statement.execute("DELETE FROM client_quota");
    }
  }

  @Test
  void theUploadAfterTheQuotaAnswers429WithRetryAfterAndAnotherClientGoesOn() throws SQLException {
    ollama.answerWith("ollama-ok-clean");
    long before = uploadsToday("api:other");
    LoginPage.open(browser)
        .signInAs("admin", TestEnvironment.ADMIN_PASSWORD)
        .goToSettings()
        .setUploadQuota("other", before + QUOTA);

    for (int i = 0; i < QUOTA; i++) {
      assertThat(
              other
                  .uploadImage("quota-" + i + ".png", TestImages.distinctPng(i), "image/png")
                  .status())
          .as("upload %d of the quota", i + 1)
          .isEqualTo(202);
    }
    GlimpseClient.Answer refused =
        other.uploadImage("quota-over.png", TestImages.distinctPng(QUOTA), "image/png");
    GlimpseClient.Answer document =
        other.sendJson(
            "POST",
            "api/v1/documents",
            Map.of("title", "Over", "text", "Over the quota."),
            Map.of());

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 86_400L);
    assertThat(refused.body().path("type").asText()).endsWith("/quota-exceeded");
    assertThat(refused.body().path("title").asText()).isEqualTo("Quota of uploads per day reached");
    assertThat(refused.body().path("detail").asText())
        .startsWith("the client other reached its quota of uploads per day (" + (before + QUOTA));
    assertThat(document.status()).isEqualTo(429);
    assertThat(uploadsToday("api:other")).isEqualTo(before + QUOTA);
    assertThat(
            api.uploadImage("unlimited.png", TestImages.distinctPng(QUOTA + 1), "image/png")
                .status())
        .isEqualTo(202);
  }

  private static long uploadsToday(String owner) throws SQLException {
    try (Connection connection = database();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT (SELECT COUNT(*) FROM image_asset WHERE owner = ? AND created_at >= ?)"
                    + " + (SELECT COUNT(*) FROM document WHERE owner = ? AND created_at >= ?)")) {
      statement.setString(1, owner);
      statement.setTimestamp(2, TestEnvironment.startOfTodayUtc());
      statement.setString(3, owner);
      statement.setTimestamp(4, TestEnvironment.startOfTodayUtc());
      try (ResultSet count = statement.executeQuery()) {
        count.next();
        return count.getLong(1);
      }
    }
  }

  private static Connection database() throws SQLException {
    return DriverManager.getConnection(TestEnvironment.jdbcUrl("postgres"), "postgres", "postgres");
  }
}
