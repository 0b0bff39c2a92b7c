package dev.glimpse.batch.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;

/**
 * Tells the readers of running jobs that the application is going away, so that they stop claiming
 * before the beans they use are gone: a job's partition may outlive the deployment's CDI container
 * by the length of its linger.
 */
@ApplicationScoped
public class ApplicationStopping {

  private static volatile boolean stopping;

  void stopping(@Observes @BeforeDestroyed(ApplicationScoped.class) Object application) {
    stopping = true;
  }

  /** Whether the application is being undeployed or the server is stopping. */
  public static boolean now() {
    return stopping;
  }
}
