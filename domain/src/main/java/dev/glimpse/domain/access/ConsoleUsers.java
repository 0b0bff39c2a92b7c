package dev.glimpse.domain.access;

import dev.glimpse.domain.support.NotFoundException;
import dev.glimpse.domain.task.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The console's users, in the database so that every node signs in the same people: admins create
 * them, reset their passwords, and disable and enable them. The last enabled admin can be neither
 * disabled nor made a reviewer, so that the console can always be managed.
 */
@ApplicationScoped
public class ConsoleUsers {

  /** The shortest password accepted. */
  public static final int SHORTEST_PASSWORD = 12;

  /** The longest password accepted: hashing a longer one would only cost time. */
  static final int LONGEST_PASSWORD = 1024;

  static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");

  private static final Logger LOG = Logger.getLogger(ConsoleUsers.class);

  @PersistenceContext(unitName = "glimpse")
  EntityManager em;

  Clock clock = Clock.systemUTC();

  /** Every user, by name. */
  @Transactional(TxType.SUPPORTS)
  public List<ConsoleUser> all() {
    return em.createQuery("SELECT u FROM ConsoleUser u ORDER BY u.name", ConsoleUser.class)
        .getResultList();
  }

  /**
   * The enabled user {@code name} if {@code password} is theirs. The hash is checked even for an
   * unknown name, so that the answer takes as long either way.
   */
  @Transactional(TxType.SUPPORTS)
  public Optional<ConsoleUser> authenticate(String name, String password, PasswordHashing hashing) {
    ConsoleUser user = name == null ? null : em.find(ConsoleUser.class, name);
    String hash = user == null ? hashing.decoyHash() : user.passwordHash();
    boolean matches = password != null && hashing.matches(password, hash);
    return user != null && matches && user.enabled() ? Optional.of(user) : Optional.empty();
  }

  /** Creates an enabled user. */
  @Transactional
  public ConsoleUser create(
      String name, ConsoleRole role, String password, PasswordHashing hashing, Actor actor) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a user name is 1 to 64 lower-case letters, digits, dots, dashes, underscores or @,"
              + " starting with a letter or digit");
    }
    if (role == null) {
      throw new IllegalArgumentException("choose a role: reviewer or admin");
    }
    checkPassword(password);
    if (em.find(ConsoleUser.class, name) != null) {
      throw new IllegalArgumentException("a user named " + name + " exists; choose another name");
    }
    ConsoleUser user =
        new ConsoleUser(name, role, hashing.hash(password), actor.toString(), clock.instant());
    em.persist(user);
    LOG.infof("Console user %s (%s) created by %s", name, role.roleName(), actor);
    return user;
  }

  /**
   * Creates the admin {@code name} with {@code password} when no enabled admin exists: how a fresh
   * installation gets its first admin from the environment. Returns whether it did.
   */
  @Transactional
  public boolean createFirstAdmin(
      String name, String password, PasswordHashing hashing, Actor actor) {
    if (enabledAdmins() > 0 || em.find(ConsoleUser.class, name) != null) {
      return false;
    }
    create(name, ConsoleRole.ADMIN, password, hashing, actor);
    return true;
  }

  /** Sets a new password for {@code name}. */
  @Transactional
  public void resetPassword(String name, String password, PasswordHashing hashing, Actor actor) {
    checkPassword(password);
    locked(name).setPassword(hashing.hash(password), actor.toString(), clock.instant());
    LOG.infof("Console user %s given a new password by %s", name, actor);
  }

  /** Disables or enables {@code name}; a disabled user cannot sign in. */
  @Transactional
  public void setEnabled(String name, boolean enabled, Actor actor) {
    ConsoleUser user = locked(name);
    if (!enabled) {
      if (actor.name().equals(name)) {
        throw new IllegalArgumentException("you cannot disable yourself");
      }
      keepAnAdmin(user);
    }
    user.setEnabled(enabled, actor.toString(), clock.instant());
    LOG.infof("Console user %s %s by %s", name, enabled ? "enabled" : "disabled", actor);
  }

  /** Makes {@code name} a reviewer or an admin. */
  @Transactional
  public void setRole(String name, ConsoleRole role, Actor actor) {
    ConsoleUser user = locked(name);
    if (role != ConsoleRole.ADMIN) {
      keepAnAdmin(user);
    }
    user.setRole(role, actor.toString(), clock.instant());
    LOG.infof("Console user %s made %s by %s", name, role.roleName(), actor);
  }

  private void keepAnAdmin(ConsoleUser user) {
    if (user.enabled() && user.role() == ConsoleRole.ADMIN && enabledAdmins() <= 1) {
      throw new IllegalArgumentException(
          user.name() + " is the last enabled admin; make another admin first");
    }
  }

  private long enabledAdmins() {
    return em.createQuery(
            "SELECT COUNT(u) FROM ConsoleUser u WHERE u.role = :role AND u.enabled = :enabled",
            Long.class)
        .setParameter("role", ConsoleRole.ADMIN)
        .setParameter("enabled", true)
        .getSingleResult();
  }

  private static void checkPassword(String password) {
    if (password == null || password.length() < SHORTEST_PASSWORD) {
      throw new IllegalArgumentException(
          "a password has " + SHORTEST_PASSWORD + " characters at least");
    }
    if (password.length() > LONGEST_PASSWORD) {
      throw new IllegalArgumentException(
          "a password has " + LONGEST_PASSWORD + " characters at most");
    }
  }

  private ConsoleUser locked(String name) {
    ConsoleUser user =
        name == null ? null : em.find(ConsoleUser.class, name, LockModeType.PESSIMISTIC_WRITE);
    if (user == null) {
      throw new NotFoundException("console user", name);
    }
    return user;
  }
}
