package dev.glimpse.gateway;

import java.lang.invoke.MethodHandles;
import org.jboss.logging.BasicLogger;
import org.jboss.logging.Logger;
import org.jboss.logging.annotations.LogMessage;
import org.jboss.logging.annotations.Message;
import org.jboss.logging.annotations.MessageLogger;

/** The gateway's warnings and errors, each with an id an operator can search for (GLIMPSE02xxx). */
@MessageLogger(projectCode = "GLIMPSE", length = 5)
public interface GatewayLog extends BasicLogger {

  GatewayLog LOG =
      Logger.getMessageLogger(MethodHandles.lookup(), GatewayLog.class, "dev.glimpse.gateway");

  @LogMessage(level = Logger.Level.ERROR)
  @Message(
      id = 2001,
      value =
          "GLIMPSE_AI_PROVIDER '%s' is not one of: ollama, openai, local; AI tasks fail until it is")
  void unknownProvider(String provider);
}
