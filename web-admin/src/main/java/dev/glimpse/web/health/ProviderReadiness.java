package dev.glimpse.web.health;

import dev.glimpse.domain.provider.ProviderGate;
import dev.glimpse.domain.provider.ProviderState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports which AI provider the node uses and whether its work goes on (an admin's pause or a
 * budget reached holds it back, which leaves the node ready); the model itself is not called.
 */
@Readiness
@ApplicationScoped
public class ProviderReadiness implements HealthCheck {

  @Inject
  @ConfigProperty(name = "glimpse.ai.provider", defaultValue = "local")
  String provider;

  @Inject ProviderGate gate;

  @Override
  public HealthCheckResponse call() {
    ProviderState state = gate.state();
    return HealthCheckResponse.named("ai-provider")
        .up()
        .withData("provider", provider)
        .withData("modelConfigured", !"local".equalsIgnoreCase(provider))
        .withData("work", state.condition().name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .withData("reason", state.publicHoldBack().orElse("running"))
        .build();
  }
}
