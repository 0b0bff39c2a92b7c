package dev.glimpse.web.api;

import dev.glimpse.domain.access.ApiClient;
import dev.glimpse.domain.access.ApiClientConflictException;
import dev.glimpse.domain.access.ApiClients;
import dev.glimpse.domain.access.ApiKeys;
import dev.glimpse.domain.quota.ClientQuotas;
import dev.glimpse.domain.task.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every API client, the environment's and the registered ones together, for the admin pages of the
 * API and the console: the environment's are listed but changed only in the environment.
 */
@ApplicationScoped
public class ApiClientDirectory {

  @Inject ApiClientKeys environment;

  @Inject ApiClients registered;

  @Inject ClientQuotas quotas;

  Clock clock = Clock.systemUTC();

  /** The environment's clients first, then the registered ones by name. */
  public List<ApiClientView> all() {
    List<ApiClientView> all = new ArrayList<>();
    for (String name : environment.clients()) {
      all.add(environmentView(name));
    }
    registered.all().forEach(client -> all.add(view(client)));
    return all;
  }

  /** The names of the clients that can call the API now, as the quota settings list them. */
  public List<String> activeNames() {
    Instant now = clock.instant();
    List<String> names = new ArrayList<>(environment.clients());
    registered.all().stream()
        .filter(client -> client.activeAt(now))
        .forEach(client -> names.add(client.name()));
    return names;
  }

  /** The client named {@code name}. */
  public ApiClientView get(String name) {
    if (environment.has(name)) {
      return environmentView(name);
    }
    return view(name);
  }

  /** Registers a client; its first key comes back, to be shown once. */
  public IssuedKeyView register(ApiClientRequest request, Actor actor) {
    if (request == null) {
      throw new IllegalArgumentException("a body is required, such as {\"name\": \"archive\"}");
    }
    ApiKeys.Issued key =
        registered.register(
            request.name(),
            Boolean.TRUE.equals(request.admin()),
            request.expiresAt(),
            environment.clients(),
            actor);
    return new IssuedKeyView(view(request.name()), key.key(), key.id());
  }

  /** Gives {@code name} a new key; the earlier ones work for {@code grace} more. */
  public IssuedKeyView rotate(String name, Duration grace, Actor actor) {
    changeable(name);
    ApiKeys.Issued key = registered.rotate(name, grace, actor);
    return new IssuedKeyView(view(name), key.key(), key.id());
  }

  /** Revokes {@code name} on every node at once. */
  public ApiClientView revoke(String name, Actor actor) {
    changeable(name);
    registered.revoke(name, actor);
    return view(name);
  }

  private void changeable(String name) {
    if (environment.has(name)) {
      throw ApiClientConflictException.ofEnvironment(name);
    }
  }

  private ApiClientView environmentView(String name) {
    return ApiClientView.ofEnvironment(name, ApiClientKeys.BOOTSTRAP.equals(name), quotas.of(name));
  }

  private ApiClientView view(String name) {
    return view(registered.get(name));
  }

  private ApiClientView view(ApiClient client) {
    return ApiClientView.of(
        client, registered.keysOf(client.name()), quotas.of(client.name()), clock.instant());
  }
}
