package dev.glimpse.system;

import java.io.File;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A system test of the built EAR, deployed into the suite's WildFly against PostgreSQL, with a
 * client of its API and the stub Ollama, which starts every test without stubs. A failing test
 * prints the server's last errors.
 */
@ExtendWith({ArquillianExtension.class, ServerErrorsOnFailure.class})
abstract class DeployedEarTest {

  protected final GlimpseClient api = new GlimpseClient(TestEnvironment.API_KEY);
  protected final OllamaStub ollama = new OllamaStub();

  @Deployment(testable = false)
  static EnterpriseArchive application() {
    return ShrinkWrap.createFromZipFile(
        EnterpriseArchive.class, new File(System.getProperty("glimpse.ear")));
  }

  @BeforeEach
  void resetStub() {
    ollama.reset();
  }
}
