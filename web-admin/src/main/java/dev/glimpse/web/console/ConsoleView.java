package dev.glimpse.web.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What every console page shows: which AI provider this node uses. */
@Named
@ApplicationScoped
public class ConsoleView {

  @Inject
  @ConfigProperty(name = "glimpse.ai.provider", defaultValue = "local")
  String provider;

  public String getProvider() {
    return provider;
  }

  /** True when no model is configured and descriptions come from the local provider. */
  public boolean isLocalProvider() {
    return "local".equalsIgnoreCase(provider.trim());
  }
}
