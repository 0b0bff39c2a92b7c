package dev.glimpse.web.api;

import dev.glimpse.domain.blob.BlobContent;
import dev.glimpse.domain.image.AltTextPromptVersion;
import dev.glimpse.domain.image.ImageCatalog;
import dev.glimpse.domain.image.ImageFilter;
import dev.glimpse.domain.image.ImageListing;
import dev.glimpse.domain.image.ImageQuery;
import dev.glimpse.domain.image.ImageRejectedException;
import dev.glimpse.domain.image.ImageService;
import dev.glimpse.domain.image.ImageSort;
import dev.glimpse.domain.image.ImageUpload;
import dev.glimpse.domain.image.Registration;
import dev.glimpse.domain.quota.Admission;
import dev.glimpse.domain.quota.ClientQuotas;
import dev.glimpse.domain.review.ImageReview;
import dev.glimpse.domain.review.ReviewState;
import dev.glimpse.domain.support.GlimpseSettings;
import dev.glimpse.domain.support.NotFoundException;
import dev.glimpse.domain.support.Races;
import dev.glimpse.domain.support.Streams;
import dev.glimpse.domain.task.TaskPriority;
import dev.glimpse.domain.task.TaskRunTrigger;
import dev.glimpse.domain.task.TaskStatus;
import dev.glimpse.web.limits.ApiLimits;
import dev.glimpse.web.limits.BodyTooLargeException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * {@code /api/v1/images}: upload images, read their ALT text and labels, edit, review and describe
 * them again, and read their bytes.
 */
@Path("/v1/images")
@Produces(MediaType.APPLICATION_JSON)
public class ImagesResource {

  private static final Logger LOG = Logger.getLogger(ImagesResource.class);

  @Inject ImageService images;

  @Inject ImageCatalog catalog;

  @Inject ImageReview review;

  @Inject GlimpseSettings settings;

  @Inject TaskRunTrigger trigger;

  @Inject AltTextPromptVersion promptVersion;

  @Inject ClientQuotas quotas;

  @Inject ApiLimits limits;

  /** Two uploads with one Idempotency-Key at once: the loser's retry finds the winner's image. */
  static final int RACE_TRIES = 2;

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
    boolean describe = text(parts, "describe").map(ImagesResource::flag).orElse(true);
    ImageUpload upload =
        new ImageUpload(
            content,
            PartFilename.of(file).orElse(null),
            language,
            text(parts, "altText").orElse(null),
            priority,
            describe,
            idempotencyKey);

    Admission quota = quotas.uploadAdmission(ApiCaller.client(security), ApiCaller.owner(security));
    Registration registration =
        Races.retried(() -> images.register(upload, ApiCaller.of(security), quota), RACE_TRIES);
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
    images.delete(id, ApiCaller.owner(security), ApiCaller.of(security));
    return Response.noContent().build();
  }

  /** The image with its ETag, the version a {@code PATCH} must name in {@code If-Match}. */
  @GET
  @Path("/{id}")
  public Response get(@PathParam("id") String id) {
    ImageListing listing = images.find(id, ApiCaller.owner(security));
    return Response.ok(ImageAssembler.toView(listing)).tag(listing.image().version() + "").build();
  }

  /**
   * A person's ALT text and labels, when {@code If-Match} names the current version: 412 otherwise,
   * 428 without it. The text stands: {@code aiGenerated:false}, review EDITED.
   */
  @PATCH
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response edit(
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      ImagePatch patch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return PreconditionProblems.required();
    }
    long expected = PreconditionProblems.version(ifMatch);
    if (patch == null) {
      throw new IllegalArgumentException("a JSON body with altText or labels is required");
    }
    ImagePatch valid = patch.validated();
    review.edit(
        id,
        ApiCaller.owner(security),
        expected,
        valid.altText(),
        valid.labels(),
        valid.note(),
        ApiCaller.of(security));
    return get(id);
  }

  /**
   * Approves the ALT text (or the proposal waiting beside a person's), or rejects it: a rejected
   * model text is described again at once. 409 when there is nothing to decide.
   */
  @POST
  @Path("/{id}/review")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response review(@PathParam("id") String id, ReviewDecision decision) {
    if (decision == null) {
      throw new IllegalArgumentException("a JSON body with a decision is required");
    }
    String owner = ApiCaller.owner(security);
    switch (decision.kind()) {
      case APPROVE -> review.approve(id, owner, decision.note(), ApiCaller.of(security));
      case KEEP_CURRENT -> review.keepCurrent(id, owner, decision.note(), ApiCaller.of(security));
      case REJECT -> {
        if (review.reject(id, owner, decision.note(), ApiCaller.of(security))) {
          trigger.runSoon();
        }
      }
    }
    return get(id);
  }

  /** 202: the image is described again now; text a person wrote or approved stays. */
  @POST
  @Path("/{id}/describe")
  public Response describe(@PathParam("id") String id) {
    ImageListing listing = review.regenerate(id, ApiCaller.owner(security), ApiCaller.of(security));
    trigger.runSoon();
    return Response.accepted(ImageAssembler.toView(listing))
        .location(uri.getBaseUriBuilder().path("v1/images/{id}").build(listing.image().id()))
        .build();
  }

  /**
   * The original bytes, or with {@code variant=preview} the prepared ≤600 px JPEG (404 until a
   * describe task has prepared it).
   */
  @GET
  @Path("/{id}/content")
  @Produces(MediaType.WILDCARD)
  public Response content(@PathParam("id") String id, @QueryParam("variant") String variant) {
    String owner = ApiCaller.owner(security);
    BlobContent content;
    if (variant == null || variant.isBlank() || variant.equals("original")) {
      content = images.content(id, owner);
    } else if (variant.equals("preview")) {
      content =
          images
              .preview(id, owner)
              .orElseThrow(() -> new NotFoundException("The preview of image", id));
    } else {
      throw new IllegalArgumentException("variant must be 'original' or 'preview'");
    }
    return Response.ok(content.bytes(), content.mediaType())
        .header(HttpHeaders.CACHE_CONTROL, "private, max-age=300")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  /** The caller's images, newest first, filtered as the API documents. */
  @GET
  public PageView<ImageView> list(
      @QueryParam("status") String status,
      @QueryParam("aiGenerated") Boolean aiGenerated,
      @QueryParam("review") String reviewState,
      @QueryParam("pending") Boolean pending,
      @QueryParam("label") String label,
      @QueryParam("errorKind") String errorKind,
      @QueryParam("q") String text,
      @QueryParam("outdated") Boolean outdated,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    ImageFilter filter =
        new ImageFilter(
            ApiCaller.owner(security),
            status == null ? null : Enums.parse(TaskStatus.class, "status", status),
            aiGenerated,
            reviewState == null ? null : Enums.parse(ReviewState.class, "review", reviewState),
            pending,
            label,
            errorKind,
            null,
            null,
            null,
            Boolean.TRUE.equals(outdated) ? promptVersion.current() : null,
            text,
            null,
            null);
    return ImageAssembler.toView(
        catalog.list(new ImageQuery(filter, ImageSort.NEWEST_FIRST, page, size)));
  }

  private static Optional<EntityPart> part(List<EntityPart> parts, String name) {
    return parts.stream().filter(part -> name.equals(part.getName())).findFirst();
  }

  /** The text of part {@code name}, in UTF-8, of at most {@link ApiLimits#maxFormFieldBytes()}. */
  private Optional<String> text(List<EntityPart> parts, String name) throws IOException {
    Optional<EntityPart> part = part(parts, name);
    if (part.isEmpty()) {
      return Optional.empty();
    }
    int max = limits.maxFormFieldBytes();
    byte[] bytes =
        Streams.readAtMost(part.get().getContent(), max)
            .orElseThrow(() -> new BodyTooLargeException("The part '" + name + "'", max));
    String value = new String(bytes, StandardCharsets.UTF_8);
    return value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  private static byte[] readBounded(InputStream in, long max) throws IOException {
    return Streams.readAtMost(in, max)
        .orElseThrow(
            () -> {
              LOG.debugf("Upload refused: more than %d bytes", max);
              return new ImageRejectedException(
                  ImageRejectedException.Reason.TOO_LARGE,
                  "The image is larger than the limit of " + max + " bytes.");
            });
  }

  /** A form field that is {@code true} or {@code false}, in any case. */
  private static boolean flag(String value) {
    String trimmed = value.strip();
    if (trimmed.equalsIgnoreCase("true")) {
      return true;
    }
    if (trimmed.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException("describe must be 'true' or 'false', not '" + trimmed + "'");
  }
}
