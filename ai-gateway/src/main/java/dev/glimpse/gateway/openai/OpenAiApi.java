package dev.glimpse.gateway.openai;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

/**
 * The Chat Completions endpoint of any OpenAI-compatible server, relative to its base URL (which
 * includes {@code /v1}). Bodies travel as JSON text so the raw answer can be kept for diagnosis.
 */
@Path("/chat/completions")
@RegisterProvider(OpenAiErrorMapper.class)
public interface OpenAiApi {

  /**
   * @param authorization {@code Bearer <key>}, or null for servers without keys
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  String complete(@HeaderParam("Authorization") String authorization, String request);
}
