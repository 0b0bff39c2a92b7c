package dev.glimpse.web.api;

import dev.glimpse.domain.image.ImageListing;
import dev.glimpse.domain.image.ImageQuery;
import dev.glimpse.domain.image.ImageRejectedException;
import dev.glimpse.domain.image.ImageService;
import dev.glimpse.domain.image.ImageUpload;
import dev.glimpse.domain.image.Registration;
import dev.glimpse.domain.image.ReviewState;
import dev.glimpse.domain.support.GlimpseSettings;
import dev.glimpse.domain.task.TaskPriority;
import dev.glimpse.domain.task.TaskRunTrigger;
import dev.glimpse.domain.task.TaskStatus;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/** {@code /api/v1/images}: upload images, read their ALT text and labels. */
@Path("/v1/images")
@Produces(MediaType.APPLICATION_JSON)
public class ImagesResource {

  private static final Logger LOG = Logger.getLogger(ImagesResource.class);

  @Inject ImageService images;

  @Inject GlimpseSettings settings;

  @Inject TaskRunTrigger trigger;

  @Context SecurityContext security;

  @Context UriInfo uri;

  /**
   * Takes a {@code multipart/form-data} upload with part {@code file} and optional {@code altText},
   * {@code language} and {@code priority}. 202: the image is stored and, without ALT text, queued.
   */
  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response upload(
      List<EntityPart> parts, @HeaderParam("Idempotency-Key") String idempotencyKey)
      throws IOException {
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
      throw new IllegalArgumentException("Idempotency-Key must have 1 to 200 characters");
    }
    EntityPart file =
        part(parts, "file")
            .orElseThrow(
                () -> new IllegalArgumentException("the multipart part 'file' is missing"));
    byte[] content = readBounded(file.getContent(), settings.imageMaxBytes());
    String language = text(parts, "language").orElse("en");
    if (!language.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")) {
      throw new IllegalArgumentException("language must be a BCP 47 tag such as 'en' or 'pt-BR'");
    }
    TaskPriority priority =
        text(parts, "priority").map(TaskPriority::parse).orElse(TaskPriority.HIGH);
    ImageUpload upload =
        new ImageUpload(
            content,
            file.getFileName().orElse(null),
            language,
            text(parts, "altText").orElse(null),
            priority,
            idempotencyKey);

    Registration registration = images.register(upload, ApiCaller.of(security));
    ImageListing created = registration.listing();
    if (created.task() != null && !registration.replayed()) {
      trigger.runSoon();
    }
    Response.ResponseBuilder answer =
        registration.replayed()
            ? Response.ok(ImageAssembler.toView(created)).header("Idempotent-Replayed", "true")
            : Response.accepted(ImageAssembler.toView(created));
    return answer
        .location(uri.getBaseUriBuilder().path("v1/images/{id}").build(created.image().id()))
        .build();
  }

  /** Deletes the image and its bytes; a task still waiting for it ends FAILED (discarded). */
  @DELETE
  @Path("/{id}")
  public Response delete(@PathParam("id") String id) {
    images.delete(id, ApiCaller.owner(security));
    return Response.noContent().build();
  }

  @GET
  @Path("/{id}")
  public ImageView get(@PathParam("id") String id) {
    return ImageAssembler.toView(images.find(id, ApiCaller.owner(security)));
  }

  /** The caller's images, newest first, filtered as the API documents. */
  @GET
  public PageView<ImageView> list(
      @QueryParam("status") String status,
      @QueryParam("aiGenerated") Boolean aiGenerated,
      @QueryParam("review") String review,
      @QueryParam("label") String label,
      @QueryParam("q") String text,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    ImageQuery query =
        new ImageQuery(
            ApiCaller.owner(security),
            status == null ? null : Enums.parse(TaskStatus.class, "status", status),
            aiGenerated,
            review == null ? null : Enums.parse(ReviewState.class, "review", review),
            label,
            text,
            page,
            size);
    return ImageAssembler.toView(images.list(query));
  }

  private static Optional<EntityPart> part(List<EntityPart> parts, String name) {
    return parts.stream().filter(part -> name.equals(part.getName())).findFirst();
  }

  private static Optional<String> text(List<EntityPart> parts, String name) throws IOException {
    Optional<EntityPart> part = part(parts, name);
    if (part.isEmpty()) {
      return Optional.empty();
    }
    String value = part.get().getContent(String.class);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  private static byte[] readBounded(InputStream in, long max) throws IOException {
    try (in) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      if (bytes.length > max) {
        LOG.debugf("Upload refused: more than %d bytes", max);
        throw new ImageRejectedException(
            ImageRejectedException.Reason.TOO_LARGE,
            "The image is larger than the limit of " + max + " bytes.");
      }
      return bytes;
    }
  }
}
