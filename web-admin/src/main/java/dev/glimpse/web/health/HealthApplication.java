package dev.glimpse.web.health;

import dev.glimpse.web.api.JsonMapperResolver;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * {@code /health/live} and {@code /health/ready} on the application's own port, reporting the
 * MicroProfile Health checks of the application (the server also serves them on its management
 * port).
 */
@ApplicationPath("/health")
public class HealthApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(HealthResource.class, JsonMapperResolver.class);
  }
}
