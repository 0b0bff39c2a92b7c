package dev.glimpse.web.console;

import dev.glimpse.domain.blob.BlobContent;
import dev.glimpse.domain.image.ImageService;
import dev.glimpse.domain.support.NotFoundException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The console's images: an image's ≤600 px preview, or its original until one is prepared; with
 * {@code ?variant=original}, the original.
 */
@WebServlet("/admin/preview/*")
public class ImagePreviewServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient ImageService images;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo();
    String id = path == null ? "" : path.substring(1);
    try {
      BlobContent content =
          "original".equals(request.getParameter("variant"))
              ? images.content(id, null)
              : images.preview(id, null).orElseGet(() -> images.content(id, null));
      response.setContentType(content.mediaType());
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("Cache-Control", "private, max-age=60");
      response.setContentLength(content.bytes().length);
      response.getOutputStream().write(content.bytes());
    } catch (NotFoundException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
  }
}
