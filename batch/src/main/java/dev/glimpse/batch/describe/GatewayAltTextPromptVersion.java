package dev.glimpse.batch.describe;

import dev.glimpse.domain.image.AltTextPromptVersion;
import dev.glimpse.gateway.VisionGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The vision gateway's prompt version, as configured now, for the domain and the console. */
@ApplicationScoped
public class GatewayAltTextPromptVersion implements AltTextPromptVersion {

  @Inject VisionGateway gateway;

  @Override
  public String current() {
    return gateway.identity().promptVersion();
  }
}
