package dev.glimpse.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code /api/v1/admin/clients}, for admin clients only (403 for others): the API clients, with
 * registration, key rotation and revocation. A new key is in the answer that made it, and nowhere
 * else, ever.
 */
@Path("/v1/admin/clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminClientsResource {

  /** How long a rotated key keeps working when the request does not say. */
  static final Duration DEFAULT_GRACE = Duration.ofHours(24);

  @Inject ApiClientDirectory directory;

  @Context SecurityContext security;

  @Context UriInfo uri;

  /** Every client, the environment's first. */
  @GET
  public List<ApiClientView> list() {
    AdminOnly.check(security);
    return directory.all();
  }

  /** One client with its keys' ids. */
  @GET
  @Path("{name}")
  public ApiClientView get(@PathParam("name") String name) {
    AdminOnly.check(security);
    return directory.get(name);
  }

  /** Registers a client: 201 with its first key, which is shown this once. */
  @POST
  public Response register(ApiClientRequest request) {
    AdminOnly.check(security);
    IssuedKeyView issued = directory.register(request, ApiCaller.of(security));
    return Response.created(uri.getAbsolutePathBuilder().path(issued.client().name()).build())
        .cacheControl(noStore())
        .entity(issued)
        .build();
  }

  /**
   * Gives the client a new key, which works at once; its earlier keys go on working for {@code
   * grace} (an ISO-8601 duration, 24 hours when not given, at most 30 days) and then stop.
   */
  @POST
  @Path("{name}/rotate")
  public Response rotate(@PathParam("name") String name, RotationRequest request) {
    AdminOnly.check(security);
    Duration grace =
        request == null || request.grace() == null ? DEFAULT_GRACE : grace(request.grace());
    return Response.ok(directory.rotate(name, grace, ApiCaller.of(security)))
        .cacheControl(noStore())
        .build();
  }

  /** Revokes the client: none of its keys works from now on, on any node. */
  @DELETE
  @Path("{name}")
  public ApiClientView revoke(@PathParam("name") String name) {
    AdminOnly.check(security);
    return directory.revoke(name, ApiCaller.of(security));
  }

  /** How long the keys before a rotation keep working. */
  public record RotationRequest(String grace) {}

  private static Duration grace(String text) {
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "grace is an ISO-8601 duration such as PT1H or P7D, not '" + text + "'");
    }
  }

  private static CacheControl noStore() {
    CacheControl control = new CacheControl();
    control.setNoStore(true);
    return control;
  }
}
