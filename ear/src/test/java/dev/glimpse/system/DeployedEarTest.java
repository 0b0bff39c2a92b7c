package dev.glimpse.system;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A system test of the built EAR in the suite's WildFly against PostgreSQL, with a client of its
 * API and the stub Ollama, which starts every test without stubs. The EAR is deployed once for the
 * whole suite, while the server boots ({@link TestEnvironment}); the test classes share it as
 * clients share a server in production. A failing test prints the server's last errors.
 */
@ExtendWith({ArquillianExtension.class, ServerErrorsOnFailure.class})
abstract class DeployedEarTest {

  protected final GlimpseClient api = new GlimpseClient(TestEnvironment.API_KEY);
  protected final OllamaStub ollama = new OllamaStub();

  @BeforeEach
  void resetStub() {
    ollama.reset();
  }
}
