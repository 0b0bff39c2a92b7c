package dev.glimpse.system;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/**
 * A further Glimpse server that a test starts, kills with SIGKILL and stops: one of
 * arquillian.xml's manual containers, with its ports offset and a base directory of its own. {@link
 * #SECOND} is a second node of the suite's server, on the same database; {@link #CRASH} a server
 * with a database of its own. A test class that uses one declares its deployment with {@link
 * #application()} under the node's {@link #name()} (Arquillian looks for it on the class) and is
 * given its controller and deployer.
 */
final class ServerNode {

  static final ServerNode SECOND = new ServerNode("second", 200, "glimpse.test.second-base");
  static final ServerNode CRASH = new ServerNode("crash", 100, "glimpse.test.crash-base");
  static final ServerNode UPGRADE = new ServerNode("upgrade", 300, "glimpse.test.upgrade-base");

  private final String name;
  private final int portOffset;
  private final String baseProperty;

  private ServerNode(String name, int portOffset, String baseProperty) {
    this.name = name;
    this.portOffset = portOffset;
    this.baseProperty = baseProperty;
  }

  /** The built EAR, as each node deploys it. */
  static EnterpriseArchive application() {
    return ShrinkWrap.createFromZipFile(
        EnterpriseArchive.class, new File(System.getProperty("glimpse.ear")));
  }

  /** The container's qualifier and the deployment's name. */
  String name() {
    return name;
  }

  /** Where the node answers HTTP. */
  URI base() {
    return URI.create("http://localhost:" + (8080 + portOffset) + "/");
  }

  /** A client of this node's API with the suite's key. */
  GlimpseClient api() {
    return new GlimpseClient(TestEnvironment.API_KEY, base());
  }

  /** The node's management interface. */
  ServerManagement management() {
    return new ServerManagement(9990 + portOffset, api());
  }

  /**
   * Starts the server from a fresh copy of the provisioned configuration — nothing deployed,
   * whatever an earlier start left behind — and deploys Glimpse on it.
   */
  void start(ContainerController controller, Deployer deployer) {
    ServerDirectory.prepare(Path.of(System.getProperty(baseProperty)));
    controller.start(name);
    deployer.deploy(name);
  }

  /** Stops the server as an operator would, leaving Glimpse deployed for {@link #restart}. */
  void stopServer(ContainerController controller) {
    controller.stop(name);
  }

  /**
   * Starts the server again after {@link #kill} or {@link #stopServer}: Glimpse is still deployed
   * on it.
   */
  void restart(ContainerController controller) {
    controller.start(name);
  }

  /** Kills the server's JVM with SIGKILL, as a crash would, and waits until it is gone. */
  void kill(ContainerController controller) throws InterruptedException, ExecutionException {
    ProcessHandle server =
        process().orElseThrow(() -> new IllegalStateException(name + " is not running"));
    server.destroyForcibly();
    server.onExit().get();
    controller.kill(name);
  }

  /** Undeploys Glimpse and stops the server, if it runs. */
  void stop(ContainerController controller, Deployer deployer) {
    if (controller.isStarted(name)) {
      deployer.undeploy(name);
      controller.stop(name);
    }
  }

  /** The node's JVM, found by its base directory on the command line. */
  private Optional<ProcessHandle> process() {
    String base = System.getProperty(baseProperty);
    return ProcessHandle.allProcesses()
        .filter(
            process -> process.info().commandLine().map(line -> line.contains(base)).orElse(false))
        .findFirst();
  }
}
