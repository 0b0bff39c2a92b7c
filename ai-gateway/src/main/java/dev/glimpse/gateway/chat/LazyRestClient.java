package dev.glimpse.gateway.chat;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * A provider's MicroProfile REST Client, built on first use from the settings of that moment and
 * closed (with its connection pool) when the provider bean is destroyed.
 */
public final class LazyRestClient<T> {

  private static final long CONNECT_TIMEOUT_SECONDS = 10;

  private final Class<T> type;
  private final Supplier<String> baseUrl;
  private final Supplier<Duration> timeout;
  private volatile T client;

  public LazyRestClient(Class<T> type, Supplier<String> baseUrl, Supplier<Duration> timeout) {
    this.type = type;
    this.baseUrl = baseUrl;
    this.timeout = timeout;
  }

  /** The client, built now if this is the first use. */
  public T get() {
    T current = client;
    if (current == null) {
      synchronized (this) {
        if (client == null) {
          client =
              RestClientBuilder.newBuilder()
                  .baseUri(URI.create(baseUrl.get()))
                  .connectTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                  .readTimeout(timeout.get().toMillis(), TimeUnit.MILLISECONDS)
                  .build(type);
        }
        current = client;
      }
    }
    return current;
  }

  /** Closes the client, if it was ever built. */
  public synchronized void close() {
    if (client instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new IllegalStateException("the REST client did not close", e);
      }
    }
    client = null;
  }
}
