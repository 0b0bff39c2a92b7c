package dev.glimpse.domain.image;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import javax.imageio.ImageIO;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;

/**
 * Makes the application's ImageIO plugins (TwelveMonkeys: WebP, CMYK and damaged JPEGs) known to
 * ImageIO, whose registry only scans the JVM's own class path. Registered once, on first use;
 * {@link #deregister()} forgets them when the application stops, so no class loader is kept alive.
 */
public final class ImageCodecs {

  private static final List<ImageReaderSpi> REGISTERED = new ArrayList<>();
  private static boolean registered;

  private ImageCodecs() {}

  /**
   * Registers the readers packaged with the application, once, and keeps ImageIO's streams in
   * memory: by default ImageIO copies every stream it reads or writes into a temporary file, which
   * for bytes already in memory is only a detour through the disk.
   */
  public static synchronized void ensureRegistered() {
    if (registered) {
      return;
    }
    ImageIO.setUseCache(false);
    IIORegistry registry = IIORegistry.getDefaultInstance();
    for (ImageReaderSpi reader :
        ServiceLoader.load(ImageReaderSpi.class, ImageCodecs.class.getClassLoader())) {
      if (reader.getClass().getClassLoader() == ImageCodecs.class.getClassLoader()
          && registry.registerServiceProvider(reader, ImageReaderSpi.class)) {
        REGISTERED.add(reader);
      }
    }
    registered = true;
  }

  /** Removes what {@link #ensureRegistered()} added. */
  public static synchronized void deregister() {
    IIORegistry registry = IIORegistry.getDefaultInstance();
    REGISTERED.forEach(reader -> registry.deregisterServiceProvider(reader, ImageReaderSpi.class));
    REGISTERED.clear();
    registered = false;
  }
}
