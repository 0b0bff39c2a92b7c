package dev.glimpse.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Reports which AI provider the node uses; the model itself is not called. */
@Readiness
@ApplicationScoped
public class ProviderReadiness implements HealthCheck {

  @Inject
  @ConfigProperty(name = "glimpse.ai.provider", defaultValue = "local")
  String provider;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("ai-provider")
        .up()
        .withData("provider", provider)
        .withData("modelConfigured", !"local".equalsIgnoreCase(provider))
        .build();
  }
}
