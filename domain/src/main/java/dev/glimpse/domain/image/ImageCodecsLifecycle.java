package dev.glimpse.domain.image;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;

/** Forgets the application's ImageIO plugins when the application stops. */
@ApplicationScoped
public class ImageCodecsLifecycle {

  void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
    ImageCodecs.deregister();
  }
}
