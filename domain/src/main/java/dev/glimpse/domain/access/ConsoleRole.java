package dev.glimpse.domain.access;

import java.util.Locale;
import java.util.Set;

/**
 * What a console user may do: a reviewer works the review queue, the items and the documents; an
 * admin does all of that, and manages users, API clients, settings, provider controls and
 * backfills.
 */
public enum ConsoleRole {
  REVIEWER,
  ADMIN;

  /** The role's name as web.xml and the pages check it. */
  public String roleName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The roles a user of this role is in: an admin is a reviewer too. */
  public Set<String> grantedRoles() {
    return this == ADMIN
        ? Set.of(ADMIN.roleName(), REVIEWER.roleName())
        : Set.of(REVIEWER.roleName());
  }
}
