package dev.glimpse.web.problem;

import dev.glimpse.domain.access.ApiClientConflictException;
import dev.glimpse.domain.backfill.BackfillStateException;
import dev.glimpse.domain.document.DocumentTooLargeException;
import dev.glimpse.domain.image.IdempotencyKeyReusedException;
import dev.glimpse.domain.image.ImageRejectedException;
import dev.glimpse.domain.quota.QuotaExceededException;
import dev.glimpse.domain.review.ReviewConflictException;
import dev.glimpse.domain.support.NotFoundException;
import dev.glimpse.domain.support.VersionConflictException;
import dev.glimpse.domain.task.IllegalTaskTransitionException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Maps the domain's exceptions to problem answers. */
public final class DomainExceptionMappers {

  private DomainExceptionMappers() {}

  /** 404 for anything missing or not visible to the caller. */
  @Provider
  public static class NotFound implements ExceptionMapper<NotFoundException> {
    @Override
    public Response toResponse(NotFoundException e) {
      return Problem.of("not-found", "Not found", Status.NOT_FOUND, e.getMessage()).toResponse();
    }
  }

  /** 413, 415 or 422 for an upload that is not an image Glimpse takes. */
  @Provider
  public static class ImageRejected implements ExceptionMapper<ImageRejectedException> {
    @Override
    public Response toResponse(ImageRejectedException e) {
      switch (e.reason()) {
        case TOO_LARGE:
          return Problem.of(
                  "image-too-large",
                  "Image too large",
                  Status.REQUEST_ENTITY_TOO_LARGE,
                  e.getMessage())
              .toResponse();
        case UNSUPPORTED_TYPE:
          return Problem.of(
                  "unsupported-image-type",
                  "Unsupported image type",
                  Status.UNSUPPORTED_MEDIA_TYPE,
                  e.getMessage())
              .toResponse();
        case TOO_MANY_PIXELS:
          return new Problem(
                  Problem.TYPE_BASE + "image-too-many-pixels",
                  "Image has too many pixels",
                  422,
                  e.getMessage(),
                  null)
              .toResponse();
        default:
          return new Problem(
                  Problem.TYPE_BASE + "undecodable-image",
                  "Image cannot be decoded",
                  422,
                  e.getMessage(),
                  null)
              .toResponse();
      }
    }
  }

  /** 409 for a review decision the item's state does not allow. */
  @Provider
  public static class ReviewConflict implements ExceptionMapper<ReviewConflictException> {
    @Override
    public Response toResponse(ReviewConflictException e) {
      return Problem.of("review-conflict", "Conflict", Status.CONFLICT, e.getMessage())
          .toResponse();
    }
  }

  /** 409 for an API client's name taken, or a change to a client of the environment. */
  @Provider
  public static class ClientConflict implements ExceptionMapper<ApiClientConflictException> {
    @Override
    public Response toResponse(ApiClientConflictException e) {
      return Problem.of("client-conflict", "Conflict", Status.CONFLICT, e.getMessage())
          .toResponse();
    }
  }

  /** 409 for a backfill asked to pause, resume or cancel in a state that does not allow it. */
  @Provider
  public static class BackfillConflict implements ExceptionMapper<BackfillStateException> {
    @Override
    public Response toResponse(BackfillStateException e) {
      return Problem.of("backfill-conflict", "Conflict", Status.CONFLICT, e.getMessage())
          .toResponse();
    }
  }

  /** 409 for a task asked to take a verb its state does not allow. */
  @Provider
  public static class IllegalTransition implements ExceptionMapper<IllegalTaskTransitionException> {
    @Override
    public Response toResponse(IllegalTaskTransitionException e) {
      return Problem.of(
              "illegal-transition",
              "Conflict",
              Status.CONFLICT,
              "The task is "
                  + e.from()
                  + "; it can "
                  + e.verb().label()
                  + " only when it is "
                  + String.join(" or ", e.verb().from().stream().map(Enum::name).toList())
                  + ".")
          .toResponse();
    }
  }

  /** 422 for an Idempotency-Key sent again with different content. */
  @Provider
  public static class KeyReused implements ExceptionMapper<IdempotencyKeyReusedException> {
    @Override
    public Response toResponse(IdempotencyKeyReusedException e) {
      return new Problem(
              Problem.TYPE_BASE + "idempotency-key-reused",
              "Idempotency-Key reused",
              422,
              e.getMessage(),
              null)
          .toResponse();
    }
  }

  /**
   * 429 for a client over a daily quota, with {@code Retry-After} the seconds until it resets (the
   * next UTC midnight) and the quota named in the body.
   */
  @Provider
  public static class QuotaExceeded implements ExceptionMapper<QuotaExceededException> {
    @Override
    public Response toResponse(QuotaExceededException e) {
      return Response.fromResponse(
              new Problem(
                      Problem.TYPE_BASE + "quota-exceeded",
                      "Quota of " + e.quota() + " reached",
                      429,
                      e.getMessage(),
                      null)
                  .toResponse())
          .header("Retry-After", Math.max(1, e.resetsIn().toSeconds()))
          .build();
    }
  }

  /** 412 for an edit of a version that is no longer current. */
  @Provider
  public static class VersionConflict implements ExceptionMapper<VersionConflictException> {
    @Override
    public Response toResponse(VersionConflictException e) {
      return Response.fromResponse(
              Problem.of(
                      "version-conflict",
                      "Precondition failed",
                      Status.PRECONDITION_FAILED,
                      e.getMessage())
                  .toResponse())
          .tag(e.current() + "")
          .build();
    }
  }

  /** 413 for a document text over the limit. */
  @Provider
  public static class DocumentTooLarge implements ExceptionMapper<DocumentTooLargeException> {
    @Override
    public Response toResponse(DocumentTooLargeException e) {
      return Problem.of(
              "document-too-large",
              "Document too large",
              Status.REQUEST_ENTITY_TOO_LARGE,
              e.getMessage())
          .toResponse();
    }
  }

  /** 400 for arguments the domain refuses. */
  @Provider
  public static class BadArgument implements ExceptionMapper<IllegalArgumentException> {
    @Override
    public Response toResponse(IllegalArgumentException e) {
      return Problem.of("bad-request", "Bad request", Status.BAD_REQUEST, e.getMessage())
          .toResponse();
    }
  }
}
