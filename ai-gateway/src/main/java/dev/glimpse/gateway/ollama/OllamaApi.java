package dev.glimpse.gateway.ollama;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

/**
 * Ollama's chat endpoint as a MicroProfile REST Client. Bodies travel as JSON text so the raw
 * answer can be kept for diagnosis; {@link OllamaErrorMapper} turns HTTP errors into {@link
 * OllamaHttpException}.
 */
@Path("/api")
@RegisterProvider(OllamaErrorMapper.class)
public interface OllamaApi {

  @POST
  @Path("/chat")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  String chat(String request);
}
