package dev.glimpse.web.console;

import dev.glimpse.domain.access.ConsoleRole;
import dev.glimpse.domain.access.ConsoleUser;
import dev.glimpse.domain.access.ConsoleUsers;
import dev.glimpse.domain.support.NotFoundException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * Backs {@code /admin/users.xhtml} (admins only): the console's users, the creation of one, a new
 * password for one, and disabling, enabling and changing roles.
 */
@Named
@ViewScoped
public class UsersView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient ConsoleUsers users;

  @Inject transient ConsolePasswords passwords;

  private String name;
  private String role = ConsoleRole.REVIEWER.roleName();
  private String password;
  private String resetName;
  private String resetPassword;
  private transient List<ConsoleUser> all;

  /** Every user by name: read once for the view, and again after a change made here. */
  public List<ConsoleUser> getUsers() {
    if (all == null) {
      all = users.all();
    }
    return all;
  }

  /** Creates the user of the form. */
  public void create() {
    try {
      users.create(name, roleOf(role), password, passwords, Console.actor());
      Console.inform("User " + name + " created as " + role + ".");
      name = null;
      password = null;
      all = null;
    } catch (IllegalArgumentException e) {
      Console.warn(e.getMessage());
    } finally {
      password = null;
    }
  }

  /** Gives the user chosen a new password. */
  public void reset() {
    try {
      users.resetPassword(resetName, resetPassword, passwords, Console.actor());
      Console.inform("User " + resetName + " has a new password.");
      all = null;
    } catch (IllegalArgumentException | NotFoundException e) {
      Console.warn(e.getMessage());
    } finally {
      resetPassword = null;
    }
  }

  /** Disables {@code user} (or enables them again). */
  public void setEnabled(String user, boolean enabled) {
    try {
      users.setEnabled(user, enabled, Console.actor());
      Console.inform("User " + user + (enabled ? " enabled." : " disabled: they cannot sign in."));
      all = null;
    } catch (IllegalArgumentException | NotFoundException e) {
      Console.warn(e.getMessage());
    }
  }

  /** Makes {@code user} an admin or a reviewer. */
  public void setRole(String user, String newRole) {
    try {
      users.setRole(user, roleOf(newRole), Console.actor());
      Console.inform("User " + user + " is " + newRole + " now.");
      all = null;
    } catch (IllegalArgumentException | NotFoundException e) {
      Console.warn(e.getMessage());
    }
  }

  /** {@code at} as the page shows times (see {@link Console#when}). */
  public String when(Instant at) {
    return Console.when(at);
  }

  private static ConsoleRole roleOf(String role) {
    for (ConsoleRole candidate : ConsoleRole.values()) {
      if (candidate.roleName().equals(role)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException("choose a role: reviewer or admin");
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getResetName() {
    return resetName;
  }

  public void setResetName(String resetName) {
    this.resetName = resetName;
  }

  public String getResetPassword() {
    return resetPassword;
  }

  public void setResetPassword(String resetPassword) {
    this.resetPassword = resetPassword;
  }
}
