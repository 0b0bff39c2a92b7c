package dev.glimpse.web.console;

import dev.glimpse.domain.access.ApiClientConflictException;
import dev.glimpse.domain.support.NotFoundException;
import dev.glimpse.web.api.ApiClientDirectory;
import dev.glimpse.web.api.ApiClientRequest;
import dev.glimpse.web.api.ApiClientView;
import dev.glimpse.web.api.IssuedKeyView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Backs {@code /admin/clients.xhtml} (admins only): the API clients with their keys' ids, the
 * registration of a client, and the rotation and revocation of its keys. A new key is shown once,
 * right after it is made, and then forgotten with the page.
 */
@Named
@ViewScoped
public class ApiClientsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient ApiClientDirectory directory;

  private String name;
  private boolean admin;
  private String expires;
  private String grace = "24";
  private IssuedKeyView issued;
  private transient List<ApiClientView> clients;

  /**
   * Every client, the environment's first: read once for the view, and again after a change made
   * here.
   */
  public List<ApiClientView> getClients() {
    if (clients == null) {
      clients = directory.all();
    }
    return clients;
  }

  /** Registers the client of the form and shows its first key. */
  public void register() {
    try {
      issued = directory.register(new ApiClientRequest(name, admin, expiry()), Console.actor());
      name = null;
      admin = false;
      expires = null;
      clients = null;
      Console.inform("API client " + issued.client().name() + " registered.");
    } catch (IllegalArgumentException | ApiClientConflictException e) {
      Console.warn(e.getMessage());
    }
  }

  /** Gives {@code client} a new key; its earlier ones work for the grace period of the form. */
  public void rotate(String client) {
    try {
      issued = directory.rotate(client, graceHours(), Console.actor());
      clients = null;
      Console.inform("API client " + client + " has a new key.");
    } catch (IllegalArgumentException | ApiClientConflictException | NotFoundException e) {
      Console.warn(e.getMessage());
    }
  }

  /** Revokes {@code client} at once. */
  public void revoke(String client) {
    try {
      directory.revoke(client, Console.actor());
      issued = null;
      clients = null;
      Console.inform("API client " + client + " revoked: none of its keys works any more.");
    } catch (ApiClientConflictException | NotFoundException e) {
      Console.warn(e.getMessage());
    }
  }

  /** Forgets the key shown, once the admin has taken it. */
  public void dismissKey() {
    issued = null;
  }

  /** {@code at} as the page shows times (see {@link Console#when}). */
  public String when(Instant at) {
    return Console.when(at);
  }

  private Instant expiry() {
    if (expires == null || expires.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(expires.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("the expiry is a date such as 2027-06-30");
    }
  }

  private Duration graceHours() {
    try {
      return Duration.ofHours(Long.parseLong(grace.strip()));
    } catch (NumberFormatException | NullPointerException e) {
      throw new IllegalArgumentException("the grace period is a whole number of hours");
    }
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public boolean isAdmin() {
    return admin;
  }

  public void setAdmin(boolean admin) {
    this.admin = admin;
  }

  public String getExpires() {
    return expires;
  }

  public void setExpires(String expires) {
    this.expires = expires;
  }

  public String getGrace() {
    return grace;
  }

  public void setGrace(String grace) {
    this.grace = grace;
  }

  public IssuedKeyView getIssued() {
    return issued;
  }
}
