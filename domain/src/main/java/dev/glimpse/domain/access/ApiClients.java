package dev.glimpse.domain.access;

import dev.glimpse.domain.support.NotFoundException;
import dev.glimpse.domain.task.Actor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The API clients an admin registers, with their keys, in the database: every node checks a key
 * against the same rows, so a revocation or a rotation holds on every node with the next request. A
 * key is shown once, when it is made, and stored only as a hash ({@link KeyHasher}).
 */
@ApplicationScoped
public class ApiClients {

  /** A name: lower-case letters, digits, dots, dashes and underscores, 64 at most. */
  static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  /** The longest a rotated key may go on working beside its successor. */
  static final Duration LONGEST_GRACE = Duration.ofDays(30);

  /** How stale "last used" may be: it is written at most once a minute per client. */
  private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

  private static final Logger LOG = Logger.getLogger(ApiClients.class);

  @PersistenceContext(unitName = "glimpse")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "glimpse.api-key-pepper")
  Optional<String> pepper;

  Clock clock = Clock.systemUTC();

  private final SecureRandom random = new SecureRandom();

  private KeyHasher hasher;

  @PostConstruct
  void prepare() {
    hasher = new KeyHasher(pepper.orElse(""));
    if (pepper.filter(value -> !value.isBlank()).isEmpty()) {
      LOG.warn(
          "GLIMPSE_API_KEY_PEPPER is not set: API key hashes are salted but not peppered, so a"
              + " copy of the database is enough to test guesses of a key");
    }
  }

  /** The hasher the environment's keys are checked with, so that they share the pepper. */
  public KeyHasher hasher() {
    return hasher;
  }

  /** Every client registered, revoked ones included, by name. */
  @Transactional(TxType.SUPPORTS)
  public List<ApiClient> all() {
    return em.createQuery("SELECT c FROM ApiClient c ORDER BY c.name", ApiClient.class)
        .getResultList();
  }

  /** The client named {@code name}. */
  @Transactional(TxType.SUPPORTS)
  public ApiClient get(String name) {
    ApiClient client = name == null ? null : em.find(ApiClient.class, name);
    if (client == null) {
      throw new NotFoundException("API client", name);
    }
    return client;
  }

  /** The keys of {@code client}, newest first: their ids and when they stop, never secrets. */
  @Transactional(TxType.SUPPORTS)
  public List<ApiClientKey> keysOf(String client) {
    return em.createQuery(
            "SELECT k FROM ApiClientKey k WHERE k.client = :client ORDER BY k.createdAt DESC",
            ApiClientKey.class)
        .setParameter("client", client)
        .getResultList();
  }

  /**
   * Registers a client and makes its first key.
   *
   * @param reserved names that are taken elsewhere (the environment's clients)
   * @return the key, to be shown once
   * @throws IllegalArgumentException for a name out of form or an expiry in the past
   * @throws ApiClientConflictException when the name is or was taken
   */
  @Transactional
  public ApiKeys.Issued register(
      String name, boolean admin, Instant expiresAt, List<String> reserved, Actor actor) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a client's name is 1 to 64 lower-case letters, digits, dots, dashes or underscores,"
              + " starting with a letter or digit");
    }
    Instant now = clock.instant();
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      throw new IllegalArgumentException("the expiry must lie in the future");
    }
    if (reserved.contains(name) || em.find(ApiClient.class, name) != null) {
      throw ApiClientConflictException.nameTaken(name);
    }
    em.persist(new ApiClient(name, admin, expiresAt, actor.toString(), now));
    ApiKeys.Issued key = newKey(name, now);
    LOG.infof(
        "API client %s registered by %s (%s, key %s)",
        name, actor, admin ? "admin" : "normal", key.id());
    return key;
  }

  /**
   * Gives {@code name} a new key, which works at once; its keys before it go on working for {@code
   * grace} and then stop.
   *
   * @return the new key, to be shown once
   */
  @Transactional
  public ApiKeys.Issued rotate(String name, Duration grace, Actor actor) {
    if (grace == null || grace.isNegative() || grace.compareTo(LONGEST_GRACE) > 0) {
      throw new IllegalArgumentException(
          "the grace period lies between 0 and " + LONGEST_GRACE.toDays() + " days");
    }
    ApiClient client = locked(name);
    Instant now = clock.instant();
    if (!client.activeAt(now)) {
      throw new IllegalArgumentException(
          "API client " + name + " is revoked or expired; register a new client instead");
    }
    for (ApiClientKey key : keysOf(name)) {
      key.retireAt(now.plus(grace));
    }
    ApiKeys.Issued key = newKey(name, now);
    LOG.infof(
        "API client %s given key %s by %s; its earlier keys stop in %s",
        name, key.id(), actor, grace);
    return key;
  }

  /** Revokes {@code name}: none of its keys works from now on, on any node. */
  @Transactional
  public void revoke(String name, Actor actor) {
    ApiClient client = locked(name);
    Instant now = clock.instant();
    client.revoke(actor.toString(), now);
    for (ApiClientKey key : keysOf(name)) {
      key.retireAt(now);
    }
    LOG.infof("API client %s revoked by %s", name, actor);
  }

  /**
   * The client {@code key} belongs to, if it is a key Glimpse issued that works now, of a client
   * neither revoked nor expired. Notes when the client was last seen, once a minute at most.
   */
  @Transactional
  public Optional<ApiCallerIdentity> identify(String key) {
    Optional<ApiKeys.Parts> parts = ApiKeys.parse(key);
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    ApiClientKey stored = em.find(ApiClientKey.class, parts.get().id());
    if (stored == null || !stored.matches(hasher, parts.get().secret())) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    ApiClient client = em.find(ApiClient.class, stored.client());
    if (!stored.workingAt(now) || client == null || !client.activeAt(now)) {
      return Optional.empty();
    }
    Instant stale = now.minus(LAST_USED_PRECISION);
    if (client.lastUsedAt() == null || client.lastUsedAt().isBefore(stale)) {
      em.createQuery(
              "UPDATE ApiClient c SET c.lastUsedAt = :now WHERE c.name = :name"
                  + " AND (c.lastUsedAt IS NULL OR c.lastUsedAt < :stale)")
          .setParameter("now", now)
          .setParameter("name", client.name())
          .setParameter("stale", stale)
          .executeUpdate();
    }
    return Optional.of(new ApiCallerIdentity(client.name(), client.admin()));
  }

  private ApiClient locked(String name) {
    ApiClient client =
        name == null ? null : em.find(ApiClient.class, name, LockModeType.PESSIMISTIC_WRITE);
    if (client == null) {
      throw new NotFoundException("API client", name);
    }
    return client;
  }

  private ApiKeys.Issued newKey(String client, Instant now) {
    ApiKeys.Issued key = ApiKeys.issue(random);
    String salt = hasher.salt(random);
    em.persist(new ApiClientKey(key.id(), client, salt, hasher.hash(salt, key.secret()), now));
    return key;
  }
}
