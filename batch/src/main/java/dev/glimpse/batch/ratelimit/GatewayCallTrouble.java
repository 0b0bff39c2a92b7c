package dev.glimpse.batch.ratelimit;

import dev.glimpse.domain.provider.CallTrouble;
import dev.glimpse.gateway.CallHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** The gateway's {@link CallHealth} of this node, for the console. */
@ApplicationScoped
public class GatewayCallTrouble implements CallTrouble {

  @Inject CallHealth health;

  @Override
  public Optional<String> onThisNode(String provider) {
    return health.trouble(provider);
  }
}
