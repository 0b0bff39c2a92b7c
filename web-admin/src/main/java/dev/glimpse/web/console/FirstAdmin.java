package dev.glimpse.web.console;

import dev.glimpse.domain.access.ConsoleUsers;
import dev.glimpse.domain.support.GlimpseSettings;
import dev.glimpse.domain.task.Actor;
import dev.glimpse.web.WebLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gives a fresh installation its first console admin, {@value #NAME}, with the password of {@code
 * GLIMPSE_ADMIN_PASSWORD}, as long as no enabled admin exists. Once one does, the environment's
 * password changes nothing: admins manage the users on the console.
 */
@ApplicationScoped
public class FirstAdmin {

  static final String NAME = "admin";

  @Inject ConsoleUsers users;

  @Inject ConsolePasswords passwords;

  @Inject
  @ConfigProperty(name = "glimpse.admin-password")
  Optional<String> password;

  @Inject GlimpseSettings settings;

  void create(@Observes @Initialized(ApplicationScoped.class) Object started) {
    String given = password.orElse("");
    if (given.length() < ConsoleUsers.SHORTEST_PASSWORD) {
      if (users.all().stream().noneMatch(user -> user.enabled())) {
        WebLog.LOG.noConsoleUser(ConsoleUsers.SHORTEST_PASSWORD);
      }
      return;
    }
    try {
      if (users.createFirstAdmin(NAME, given, passwords, Actor.system(settings.nodeName()))) {
        WebLog.LOG.firstAdminCreated(NAME);
      }
    } catch (RuntimeException e) {
      WebLog.LOG.firstAdminNotCreated(NAME, e.getMessage());
    }
  }
}
