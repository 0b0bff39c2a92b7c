package dev.glimpse.batch.summarize;

import dev.glimpse.domain.document.CurrentSummaryPrompt;
import dev.glimpse.gateway.TextGateway;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Tells the document service, at start, which prompt version this node summarizes with (the local
 * provider's or the model prompt's).
 */
@Singleton
@Startup
public class SummaryPromptAnnouncement {

  @Inject CurrentSummaryPrompt current;

  @Inject TextGateway gateway;

  @PostConstruct
  void announce() {
    current.announce(gateway.promptVersion());
  }
}
