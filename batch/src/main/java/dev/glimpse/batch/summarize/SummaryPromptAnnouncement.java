package dev.glimpse.batch.summarize;

import dev.glimpse.domain.document.CurrentSummaryPrompt;
import dev.glimpse.gateway.prompt.SummaryPrompt;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/** Tells the document service, at start, which prompt version this node summarizes with. */
@Singleton
@Startup
public class SummaryPromptAnnouncement {

  @Inject CurrentSummaryPrompt current;

  @PostConstruct
  void announce() {
    current.announce(SummaryPrompt.VERSION);
  }
}
