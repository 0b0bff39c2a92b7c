package dev.glimpse.web.limits;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body read up to a limit: reading past it throws {@link BodyTooLargeException}, so a
 * parser stops at the first byte too many rather than after the whole body.
 */
final class LimitedStream extends FilterInputStream {

  private final long limit;
  private final String what;
  private long read;

  LimitedStream(InputStream in, long limit, String what) {
    super(in);
    this.limit = limit;
    this.what = what;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      counted(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, (int) Math.min(length, limit - read + 1));
    if (n > 0) {
      counted(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(Math.min(n, limit - read + 1));
    counted(skipped);
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void counted(long n) throws BodyTooLargeException {
    read += n;
    if (read > limit) {
      throw new BodyTooLargeException(what, limit);
    }
  }
}
