package dev.glimpse.web.limits;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * Bounds every JSON body at {@link ApiLimits#maxJsonBytes()} before it is parsed: a body whose
 * {@code Content-Length} is over the limit is answered 413 before a byte of it is read, and one
 * sent without a length is cut off with 413 at the first byte past the limit.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class JsonBodyLimit implements ContainerRequestFilter, ReaderInterceptor {

  static final String WHAT = "The JSON body";

  @Inject ApiLimits limits;

  @Override
  public void filter(ContainerRequestContext request) throws BodyTooLargeException {
    long max = limits.maxJsonBytes();
    if (isJson(request.getMediaType()) && request.getLength() > max) {
      throw new BodyTooLargeException(WHAT, max);
    }
  }

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    if (isJson(context.getMediaType())) {
      context.setInputStream(
          new LimitedStream(context.getInputStream(), limits.maxJsonBytes(), WHAT));
    }
    return context.proceed();
  }

  private static boolean isJson(MediaType type) {
    return type != null
        && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
  }
}
