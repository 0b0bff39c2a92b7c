package dev.glimpse.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glimpse.domain.support.H2PersistenceUnit;
import dev.glimpse.domain.support.NotFoundException;
import dev.glimpse.domain.task.Actor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Registering, rotating and revoking API clients, on H2 as {@code ./glimpse run} has it. */
class ApiClientsTest {

  private static final Instant START = Instant.parse("2026-12-01T09:00:00Z");
  private static final Actor ADMIN = Actor.apiClient("bootstrap");

  private final EntityManagerFactory factory =
      H2PersistenceUnit.on(H2PersistenceUnit.newDatabase());
  private final EntityManager em = factory.createEntityManager();
  private final ApiClients clients = clients("pepper-of-this-installation");
  private Instant now = START;

  @AfterEach
  void close() {
    em.close();
    factory.close();
  }

  @Test
  void aRegisteredClientsKeyIdentifiesItAndItsLastUseIsNoted() {
    ApiKeys.Issued key = inTransaction(() -> register("archive", false, null));

    assertThat(identify(key.key())).contains(new ApiCallerIdentity("archive", false));
    em.clear();
    assertThat(clients.get("archive").lastUsedAt()).isEqualTo(START);
    assertThat(clients.get("archive").createdBy()).isEqualTo("api:bootstrap");
  }

  @Test
  void onlyTheHashIsStoredAndAnotherPepperFindsNothing() {
    ApiKeys.Issued key = inTransaction(() -> register("archive", true, null));

    List<?> stored =
        em.createNativeQuery("SELECT id, salt, hash FROM api_client_key").getResultList();
    assertThat(stored).hasSize(1);
    Object[] row = (Object[]) stored.get(0);
    assertThat(row[0]).isEqualTo(key.id());
    assertThat(List.of(row[1], row[2])).noneMatch(value -> value.toString().contains(key.secret()));

    ApiClients otherPepper = clients("another pepper");
    em.getTransaction().begin();
    Optional<ApiCallerIdentity> found = otherPepper.identify(key.key());
    em.getTransaction().commit();
    assertThat(found).isEmpty();
  }

  @Test
  void aWrongSecretAnUnknownIdOrAnotherFormIdentifiesNoOne() {
    ApiKeys.Issued key = inTransaction(() -> register("archive", false, null));
    String wrongSecret =
        key.key().substring(0, 30)
            + (key.key().charAt(30) == 'A' ? 'B' : 'A')
            + key.key().substring(31);

    assertThat(identify(wrongSecret)).isEmpty();
    assertThat(identify("glk_" + "A".repeat(16) + key.secret())).isEmpty();
    assertThat(identify("a-key-of-the-environment")).isEmpty();
    assertThat(identify(null)).isEmpty();
  }

  @Test
  void aRotatedKeyWorksThroughItsGracePeriodBesideTheNewOneAndThenStops() {
    ApiKeys.Issued old = inTransaction(() -> register("archive", false, null));
    now = START.plus(Duration.ofMinutes(1));
    ApiKeys.Issued fresh =
        inTransaction(() -> clients.rotate("archive", Duration.ofMinutes(10), ADMIN));

    assertThat(identify(old.key())).isPresent();
    assertThat(identify(fresh.key())).isPresent();

    now = START.plus(Duration.ofMinutes(11));
    assertThat(identify(old.key())).isEmpty();
    assertThat(identify(fresh.key())).isPresent();
    assertThat(clients.keysOf("archive"))
        .extracting(ApiClientKey::id)
        .containsExactly(fresh.id(), old.id());
  }

  @Test
  void aRotationWithoutGraceStopsTheOldKeyAtOnce() {
    ApiKeys.Issued old = inTransaction(() -> register("archive", false, null));
    ApiKeys.Issued fresh = inTransaction(() -> clients.rotate("archive", Duration.ZERO, ADMIN));

    assertThat(identify(old.key())).isEmpty();
    assertThat(identify(fresh.key())).isPresent();
  }

  @Test
  void aRevokedClientIsRefusedWithEveryKeyAndCannotBeRotatedOrRegisteredAgain() {
    ApiKeys.Issued old = inTransaction(() -> register("archive", false, null));
    ApiKeys.Issued fresh =
        inTransaction(() -> clients.rotate("archive", Duration.ofDays(1), ADMIN));
    inTransaction(
        () -> {
          clients.revoke("archive", ADMIN);
          return null;
        });

    assertThat(identify(old.key())).isEmpty();
    assertThat(identify(fresh.key())).isEmpty();
    assertThat(clients.get("archive").revokedBy()).isEqualTo("api:bootstrap");
    assertThatThrownBy(() -> inTransaction(() -> clients.rotate("archive", Duration.ZERO, ADMIN)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("revoked");
    assertThatThrownBy(() -> register("archive", false, null))
        .isInstanceOf(ApiClientConflictException.class);
  }

  @Test
  void aClientStopsAtItsExpiry() {
    ApiKeys.Issued key =
        inTransaction(() -> register("campaign", false, START.plus(Duration.ofDays(7))));

    now = START.plus(Duration.ofDays(7)).minusSeconds(1);
    assertThat(identify(key.key())).isPresent();
    now = START.plus(Duration.ofDays(7));
    assertThat(identify(key.key())).isEmpty();
  }

  @Test
  void namesAreCheckedAndNeverGivenTwice() {
    inTransaction(() -> register("archive", false, null));

    assertThatThrownBy(() -> register("archive", true, null))
        .isInstanceOf(ApiClientConflictException.class);
    assertThatThrownBy(
            () -> clients.register("bootstrap", false, null, List.of("bootstrap", "other"), ADMIN))
        .isInstanceOf(ApiClientConflictException.class);
    for (String name : List.of("", "Archive", "-archive", "with space", "a".repeat(65))) {
      assertThatThrownBy(() -> register(name, false, null))
          .as("name %s", name)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> register("late", false, START.minusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> inTransaction(() -> clients.rotate("archive", Duration.ofDays(31), ADMIN)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> clients.get("nobody")).isInstanceOf(NotFoundException.class);
  }

  private ApiKeys.Issued register(String name, boolean admin, Instant expiresAt) {
    return clients.register(name, admin, expiresAt, List.of("bootstrap"), ADMIN);
  }

  private Optional<ApiCallerIdentity> identify(String key) {
    return inTransaction(() -> clients.identify(key));
  }

  private <T> T inTransaction(Supplier<T> work) {
    em.getTransaction().begin();
    try {
      T result = work.get();
      em.getTransaction().commit();
      return result;
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
    }
  }

  private ApiClients clients(String pepper) {
    ApiClients clients = new ApiClients();
    clients.em = em;
    clients.pepper = Optional.of(pepper);
    clients.clock =
        new Clock() {
          @Override
          public Instant instant() {
            return now;
          }

          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }
        };
    clients.prepare();
    return clients;
  }
}
