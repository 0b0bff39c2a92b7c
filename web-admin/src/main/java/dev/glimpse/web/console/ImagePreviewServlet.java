package dev.glimpse.web.console;

import dev.glimpse.domain.blob.BlobContent;
import dev.glimpse.domain.image.ImageFormat;
import dev.glimpse.domain.image.ImageService;
import dev.glimpse.domain.support.NotFoundException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The console's images: an image's ≤600 px preview, shown in the page, or its original until one is
 * prepared; with {@code ?variant=original}, the original as a download. Only the types an upload
 * was checked to be are served, never sniffed, and in a sandbox that runs nothing, so that bytes a
 * client uploaded cannot act as a page of the console.
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
      boolean original = "original".equals(request.getParameter("variant"));
      BlobContent content =
          original
              ? images.content(id, null)
              : images.preview(id, null).orElseGet(() -> images.content(id, null));
      if (ImageFormat.ofMediaType(content.mediaType()).isEmpty()) {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
      response.setContentType(content.mediaType());
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
      response.setHeader(
          "Content-Disposition",
          (original ? "attachment" : "inline")
              + "; filename=\""
              + id
              + (original ? "" : "-preview")
              + extension(content.mediaType())
              + "\"");
      response.setHeader("Cache-Control", "private, max-age=60");
      response.setContentLength(content.bytes().length);
      response.getOutputStream().write(content.bytes());
    } catch (NotFoundException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
  }

  private static String extension(String mediaType) {
    return "." + mediaType.substring("image/".length()).replace("jpeg", "jpg");
  }
}
