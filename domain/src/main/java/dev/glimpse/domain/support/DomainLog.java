package dev.glimpse.domain.support;

import java.lang.invoke.MethodHandles;
import org.jboss.logging.BasicLogger;
import org.jboss.logging.Logger;
import org.jboss.logging.annotations.Cause;
import org.jboss.logging.annotations.LogMessage;
import org.jboss.logging.annotations.Message;
import org.jboss.logging.annotations.MessageLogger;

/** The domain's warnings and errors, each with an id an operator can search for (GLIMPSE01xxx). */
@MessageLogger(projectCode = "GLIMPSE", length = 5)
public interface DomainLog extends BasicLogger {

  DomainLog LOG =
      Logger.getMessageLogger(MethodHandles.lookup(), DomainLog.class, "dev.glimpse.domain");

  @LogMessage(level = Logger.Level.WARN)
  @Message(
      id = 1001,
      value =
          "Task(id=%s) outcome discarded: the lease of %s is no longer held (it expired and the task"
              + " was taken over)")
  void outcomeDiscarded(String taskId, String leaseOwner);

  @LogMessage(level = Logger.Level.WARN)
  @Message(id = 1101, value = "The event log cannot be read (%s); subscribers wait until it can")
  void eventLogUnreadable(String reason);

  @LogMessage(level = Logger.Level.WARN)
  @Message(
      id = 1102,
      value =
          "Task changes between nodes are interrupted (%s); the nodes read the log every second")
  void nodeSignalsInterrupted(String reason);

  @LogMessage(level = Logger.Level.WARN)
  @Message(id = 1103, value = "An event listener failed on the change of Task(id=%s)")
  void eventListenerFailed(String taskId, @Cause Throwable cause);
}
