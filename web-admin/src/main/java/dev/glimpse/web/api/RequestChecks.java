package dev.glimpse.web.api;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * Turns away requests that are malformed before any resource reads them: a query parameter given
 * twice (which of them would count?), a control character in the path or the query, and JSON in
 * another charset than UTF-8, the only one JSON has (RFC 8259).
 */
@Provider
@PreMatching
public class RequestChecks implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      if (parameter.getValue().size() > 1) {
        throw new BadRequestException(
            "The query parameter '" + parameter.getKey() + "' is given more than once.");
      }
      if (parameter.getValue().stream().anyMatch(RequestChecks::hasControl)) {
        throw new BadRequestException(
            "The query parameter '" + parameter.getKey() + "' holds a control character.");
      }
    }
    if (hasControl(request.getUriInfo().getPath())) {
      throw new BadRequestException("The path holds a control character.");
    }
    MediaType type = request.getMediaType();
    if (type != null && type.getSubtype().endsWith("json")) {
      String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
      if (charset != null && !"utf-8".equalsIgnoreCase(charset)) {
        throw new NotSupportedException("JSON is read in UTF-8 only, not in " + charset + ".");
      }
    }
  }

  private static boolean hasControl(String text) {
    return text.chars().anyMatch(Character::isISOControl);
  }
}
