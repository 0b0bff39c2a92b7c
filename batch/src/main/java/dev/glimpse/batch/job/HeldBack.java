package dev.glimpse.batch.job;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Logs when a provider's work starts or stops being held back, once per change on this node rather
 * than at every look for work.
 */
@ApplicationScoped
public class HeldBack {

  private static final Logger LOG = Logger.getLogger(HeldBack.class);

  private String last;

  synchronized void log(String provider, Optional<String> reason) {
    String now = reason.orElse(null);
    if (Objects.equals(now, last)) {
      return;
    }
    if (now == null) {
      LOG.infof("Tasks for %s are claimed again", provider);
    } else {
      LOG.infof("No task for %s is claimed: %s", provider, now);
    }
    last = now;
  }
}
