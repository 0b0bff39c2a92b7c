package dev.glimpse.web.health;

import dev.glimpse.web.api.ApiCredentials;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Runs the application's health checks and answers in the MicroProfile Health JSON format. Anyone
 * gets the status; the checks' details (database, provider, budget, errors) only an admin client's
 * key.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

  @Inject @Any @Liveness Instance<HealthCheck> liveness;

  @Inject @Any @Readiness Instance<HealthCheck> readiness;

  @Inject ApiCredentials credentials;

  @GET
  @Path("live")
  public Response live(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    return report(liveness, credentials.isAdmin(authorization));
  }

  @GET
  @Path("ready")
  public Response ready(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    return report(readiness, credentials.isAdmin(authorization));
  }

  private static Response report(Instance<HealthCheck> checks, boolean details) {
    List<Map<String, Object>> results = new ArrayList<>();
    boolean up = true;
    for (HealthCheck check : checks) {
      HealthCheckResponse response = call(check);
      up &= response.getStatus() == HealthCheckResponse.Status.UP;
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("name", response.getName());
      result.put("status", response.getStatus().name());
      if (details) {
        response.getData().ifPresent(data -> result.put("data", data));
      }
      results.add(result);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", up ? "UP" : "DOWN");
    body.put("checks", results);
    return Response.status(up ? 200 : 503).entity(body).build();
  }

  private static HealthCheckResponse call(HealthCheck check) {
    try {
      return check.call();
    } catch (RuntimeException e) {
      return HealthCheckResponse.named(check.getClass().getSimpleName())
          .down()
          .withData("error", e.getClass().getSimpleName())
          .build();
    }
  }
}
