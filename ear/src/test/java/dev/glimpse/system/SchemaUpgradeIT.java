package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A database made by the release before migrations (EclipseLink created its tables; an image with
 * its bytes, labels, task and audit trail in it) is taken over by this release: Flyway baselines it
 * at version 1 without running the baseline script, the rows stay as they were, the API serves
 * them, and new work is stored beside them. The server is a further one (ports +300, the database
 * "upgrade"), started on that database.
 */
@ExtendWith(ArquillianExtension.class)
class SchemaUpgradeIT {

  private static final String UPGRADE = "upgrade";

  private static final String IMAGE = "0b7c2a34-5a58-4a3e-9d0e-6d1f5d3c1a01";
  private static final String BLOB = "5e0c8f7e-2d1b-4c55-8f1e-0a9b4c3d2e10";
  private static final String TASK = "9a1d7e55-40c4-4c1e-b6f2-3e8d2c1b0a22";
  private static final String ALT_TEXT = "A grey tabby cat lying on a wooden floor, looking up.";

  @ArquillianResource ContainerController controller;

  @ArquillianResource Deployer deployer;

  private final ServerNode upgrade = ServerNode.UPGRADE;
  private final GlimpseClient api = upgrade.api();
  private final OllamaStub ollama = new OllamaStub();

  @Deployment(name = UPGRADE, managed = false, testable = false)
  @TargetsContainer(UPGRADE)
  static EnterpriseArchive application() {
    return ServerNode.application();
  }

  @Test
  void aDatabaseOfTheReleaseBeforeMigrationsIsBaselinedAndKeepsServingItsRows()
      throws SQLException {
    TestEnvironment.createDatabase(UPGRADE);
    EntityTables.asTheReleaseBeforeMigrations(UPGRADE);
    byte[] png = GlimpseClient.resource("/corpus/images/chelsea.png");
    storeImageAsThePreviousReleaseDid(png);

    upgrade.start(controller, deployer);
    try {
      assertThat(history())
          .as("Flyway's history of the upgraded database")
          .first()
          .isEqualTo("1 BASELINE true");
      assertThat(history())
          .allMatch(row -> row.endsWith(" true"))
          .noneMatch(row -> row.equals("1 SQL true"));

      JsonNode image = api.get("api/v1/images/" + IMAGE).body();
      assertThat(image.path("altText").asText()).isEqualTo(ALT_TEXT);
      assertThat(image.path("labels").toString()).isEqualTo("[\"cat\",\"floor\"]");
      assertThat(image.at("/review/state").asText()).isEqualTo("APPROVED");
      assertThat(image.at("/task/status").asText()).isEqualTo("COMPLETED");
      assertThat(api.bytes("api/v1/images/" + IMAGE + "/content").body()).isEqualTo(png);
      JsonNode task = api.get("api/v1/tasks/" + TASK).body();
      assertThat(task.path("events").findValuesAsText("step"))
          .containsExactly("enqueued", "claimed", "completed");

      ollama.reset().answerWith("ollama-ok-clean");
      JsonNode described =
          api.uploadAndAwait("chelsea.png", "image/png", "COMPLETED", Duration.ofSeconds(60));
      assertThat(described.path("altText").asText()).startsWith("A grey tabby cat");
      assertThat(api.get("api/v1/images").body().path("total").asInt()).isEqualTo(2);
      assertThat(
              api.get("api/v1/tasks/" + described.at("/task/id").asText())
                  .body()
                  .path("events")
                  .findValuesAsText("step"))
          .contains("enqueued", "completed");
    } finally {
      upgrade.stop(controller, deployer);
    }
  }

  /**
   * An image a model described and a person approved, stored in the tables EclipseLink made, with
   * audit-trail ids from the sequence as EclipseLink allocates them (50 at a time).
   */
  private static void storeImageAsThePreviousReleaseDid(byte[] png) throws SQLException {
    Timestamp at = Timestamp.from(Instant.parse("2026-11-01T10:15:30Z"));
    try (Connection connection = connect()) {
      try (PreparedStatement blob =
          connection.prepareStatement(
              "INSERT INTO stored_blob (id, content, created_at, media_type, sha256, size_bytes)"
                  + " VALUES (?, ?, ?, 'image/png', 'old-release', ?)")) {
        blob.setString(1, BLOB);
        blob.setBytes(2, png);
        blob.setTimestamp(3, at);
        blob.setLong(4, png.length);
        blob.executeUpdate();
      }
      try (PreparedStatement image =
          connection.prepareStatement(
              "INSERT INTO image_asset (id, ai_generated, alt_text, awaiting_review,"
                  + " content_blob_id, content_sha256, content_type, created_at,"
                  + " described_by_task, filename, height, language, model, owner, prompt_version,"
                  + " provider, review_state, reviewed_at, reviewed_by, size_bytes, task_id,"
                  + " triage_score, updated_at, version, width) VALUES (?, TRUE, ?, FALSE, ?,"
                  + " 'old-release', 'image/png', ?, ?, 'chelsea.png', 300, 'en', 'llava:7b',"
                  + " 'api:bootstrap', 'alt-text-3', 'ollama', 'APPROVED', ?, 'admin', ?, ?, 0,"
                  + " ?, 4, 451)")) {
        image.setString(1, IMAGE);
        image.setString(2, ALT_TEXT);
        image.setString(3, BLOB);
        image.setTimestamp(4, at);
        image.setString(5, TASK);
        image.setTimestamp(6, at);
        image.setLong(7, png.length);
        image.setString(8, TASK);
        image.setTimestamp(9, at);
        image.executeUpdate();
      }
      try (Statement statement = connection.createStatement()) {
        statement.executeUpdate(
            "INSERT INTO image_label (image_id, label, position) VALUES ('"
                + IMAGE
                + "', 'cat', 0), ('"
                + IMAGE
                + "', 'floor', 1)");
        statement.executeUpdate(
            "INSERT INTO ai_task (id, attempts, created_at, kind, max_attempts, next_attempt_at,"
                + " owner, priority, priority_rank, status, subject_id, updated_at, version)"
                + " VALUES ('"
                + TASK
                + "', 1, TIMESTAMP '2026-11-01 10:15:30', 'DESCRIBE_IMAGE', 5,"
                + " TIMESTAMP '2026-11-01 10:15:30', 'api:bootstrap', 'HIGH', 0, 'COMPLETED', '"
                + IMAGE
                + "', TIMESTAMP '2026-11-01 10:15:41', 3)");
        statement.execute("SELECT nextval('task_event_seq')");
        statement.executeUpdate(
            "INSERT INTO task_event (id, actor, at, from_status, message, step, to_status,"
                + " task_id) VALUES"
                + " (1, 'api:bootstrap', TIMESTAMP '2026-11-01 10:15:30', NULL, 'HIGH priority',"
                + " 'enqueued', 'PENDING', '"
                + TASK
                + "'), (2, 'job:1@old-node', TIMESTAMP '2026-11-01 10:15:31', 'PENDING',"
                + " 'attempt 1 of 5', 'claimed', 'PROCESSING', '"
                + TASK
                + "'), (3, 'job:1@old-node', TIMESTAMP '2026-11-01 10:15:41', 'PROCESSING',"
                + " NULL, 'completed', 'COMPLETED', '"
                + TASK
                + "')");
      }
    }
  }

  /** Flyway's history of versions: version, type and success of each row, in order. */
  private static List<String> history() throws SQLException {
    try (Connection connection = connect()) {
      return FlywayHistory.of(connection);
    }
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(TestEnvironment.jdbcUrl(UPGRADE), "postgres", "postgres");
  }
}
