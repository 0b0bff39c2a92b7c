package dev.glimpse.web.api;

import dev.glimpse.domain.document.DocumentListing;
import dev.glimpse.domain.document.DocumentService;
import dev.glimpse.domain.document.SummaryRead;
import dev.glimpse.domain.quota.ClientQuotas;
import dev.glimpse.domain.review.SummaryReview;
import dev.glimpse.domain.support.Races;
import dev.glimpse.domain.task.TaskRunTrigger;
import dev.glimpse.infrastructure.metrics.SummaryReads;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;

/**
 * {@code /api/v1/documents}: documents with optimistic versions (ETag / If-Match) and their
 * summaries, served from the stored summary at once and refreshed in the background.
 */
@Path("/v1/documents")
@Produces(MediaType.APPLICATION_JSON)
public class DocumentsResource {

  static final int MAX_WAIT_SECONDS = 30;
  static final int RETRY_AFTER_SECONDS = 2;

  /**
   * Reads and edits touch the document's summary task, which a batch node may be claiming at the
   * same moment: the loser of that race tries again.
   */
  static final int TRIES = 3;

  @Inject DocumentService documents;

  @Inject ClientQuotas quotas;

  @Inject TaskRunTrigger trigger;

  @Inject SummaryReads reads;

  @Inject SummaryWaits waits;

  @Inject SummaryReview review;

  @Context SecurityContext security;

  @Context UriInfo uri;

  /** 201 with Location and ETag; a LOW task warms the summary. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(DocumentInput input) {
    DocumentInput valid = required(input).validated();
    DocumentListing created =
        documents.create(
            valid.title(),
            valid.text(),
            valid.language(),
            ApiCaller.of(security),
            quotas.uploadAdmission(ApiCaller.client(security), ApiCaller.owner(security)));
    trigger.runSoon();
    return Response.created(
            uri.getBaseUriBuilder().path("v1/documents/{id}").build(created.document().id()))
        .tag(created.document().version() + "")
        .entity(DocumentAssembler.toView(created))
        .build();
  }

  @GET
  @Path("/{id}")
  public Response get(@PathParam("id") String id) {
    DocumentListing listing = documents.find(id, ApiCaller.owner(security));
    return Response.ok(DocumentAssembler.toView(listing))
        .tag(listing.document().version() + "")
        .build();
  }

  /** Replaces title and text when {@code If-Match} names the current version: 412 otherwise. */
  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      DocumentInput input) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return PreconditionProblems.required();
    }
    long expected = PreconditionProblems.version(ifMatch);
    DocumentInput valid = required(input).validated();
    DocumentListing updated =
        Races.retried(
            () ->
                documents.update(
                    id,
                    ApiCaller.owner(security),
                    expected,
                    valid.title(),
                    valid.text(),
                    valid.language(),
                    ApiCaller.of(security)),
            TRIES);
    trigger.runSoon();
    return Response.ok(DocumentAssembler.toView(updated))
        .tag(updated.document().version() + "")
        .build();
  }

  @DELETE
  @Path("/{id}")
  public Response delete(@PathParam("id") String id) {
    documents.delete(id, ApiCaller.owner(security), ApiCaller.of(security));
    return Response.noContent().build();
  }

  /**
   * The summary at once when there is one ({@code fresh:false} and a refresh on its way when the
   * document changed since); without one, a HIGH task and up to {@code wait} seconds of waiting for
   * it — suspended, holding no thread — then 202 with Retry-After.
   */
  @GET
  @Path("/{id}/summary")
  public void summary(
      @PathParam("id") String id,
      @QueryParam("wait") @DefaultValue("0") String waitParam,
      @Suspended AsyncResponse response) {
    int wait = waitSeconds(waitParam);
    String owner = ApiCaller.owner(security);
    long started = System.nanoTime();
    SummaryRead read =
        documents
            .servableSummary(id, owner)
            .orElseGet(
                () ->
                    SummaryRead.of(
                        Races.retried(
                            () -> documents.forSummaryRead(id, owner, ApiCaller.of(security)),
                            TRIES)));
    reads.served(read, Duration.ofNanos(System.nanoTime() - started));
    if (!read.summaryIsFresh()) {
      trigger.runSoon();
    }
    if (read.summary() == null && wait > 0) {
      waits.await(
          id,
          owner,
          Duration.ofSeconds(wait),
          response,
          listing -> summaryAnswer(SummaryRead.of(listing)));
    } else {
      response.resume(summaryAnswer(read));
    }
  }

  /**
   * The {@code wait} parameter in seconds; read here rather than by JAX-RS, which answers a value
   * that is not a number with 404.
   */
  private static int waitSeconds(String wait) {
    int seconds;
    try {
      seconds = Integer.parseInt(wait.strip());
    } catch (NumberFormatException e) {
      seconds = -1;
    }
    if (seconds < 0 || seconds > MAX_WAIT_SECONDS) {
      throw new IllegalArgumentException(
          "wait must be a whole number of seconds between 0 and " + MAX_WAIT_SECONDS);
    }
    return seconds;
  }

  /**
   * 200 with the summary and its ETag (the version a {@code PATCH} names), or 202 with Retry-After
   * and ETag {@code "0"} while there is none.
   */
  private static Response summaryAnswer(SummaryRead read) {
    if (read.summary() == null) {
      return Response.accepted(DocumentAssembler.summary(read))
          .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
          .tag("0")
          .build();
    }
    return Response.ok(DocumentAssembler.summary(read))
        .tag(read.summary().rowVersion() + "")
        .build();
  }

  /**
   * A person's summary, when {@code If-Match} names the summary's current ETag ({@code "0"} while
   * there is none): it is served, and no model result replaces it. 412 when it moved, 428 without.
   */
  @PATCH
  @Path("/{id}/summary")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response editSummary(
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      SummaryPatch patch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return PreconditionProblems.required();
    }
    long expected = PreconditionProblems.version(ifMatch);
    if (patch == null) {
      throw new IllegalArgumentException("a JSON body {\"text\", \"keyPoints\"} is required");
    }
    SummaryPatch valid = patch.validated();
    String owner = ApiCaller.owner(security);
    Races.retried(
        () -> {
          review.edit(
              id,
              owner,
              expected,
              valid.text(),
              valid.keyPoints(),
              valid.note(),
              ApiCaller.of(security));
          return null;
        },
        TRIES);
    return summaryAnswer(SummaryRead.of(documents.find(id, owner)));
  }

  /**
   * Approves the result waiting for a person (then served) or the summary served; or rejects it,
   * and a new one is made unless a person's summary stands. 409 when there is nothing to decide.
   */
  @POST
  @Path("/{id}/summary/review")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response reviewSummary(@PathParam("id") String id, ReviewDecision decision) {
    if (decision == null) {
      throw new IllegalArgumentException("a JSON body with a decision is required");
    }
    String owner = ApiCaller.owner(security);
    if (decision.kind() == ReviewDecision.Kind.KEEP_CURRENT) {
      throw new IllegalArgumentException(
          "a summary is approved or rejected: decision must be 'approve' or 'reject'");
    }
    boolean approves = decision.kind() == ReviewDecision.Kind.APPROVE;
    boolean again =
        Races.retried(
            () -> {
              if (approves) {
                review.approve(id, owner, decision.note(), ApiCaller.of(security));
                return false;
              }
              return review.reject(id, owner, decision.note(), ApiCaller.of(security));
            },
            TRIES);
    if (again) {
      trigger.runSoon();
    }
    return summaryAnswer(SummaryRead.of(documents.find(id, owner)));
  }

  /** Regenerates the summary now (HIGH). */
  @POST
  @Path("/{id}/summary")
  public Response regenerate(@PathParam("id") String id) {
    DocumentListing listing =
        Races.retried(
            () -> documents.regenerate(id, ApiCaller.owner(security), ApiCaller.of(security)),
            TRIES);
    trigger.runSoon();
    return Response.accepted(DocumentAssembler.summary(SummaryRead.of(listing))).build();
  }

  private static DocumentInput required(DocumentInput input) {
    if (input == null) {
      throw new IllegalArgumentException(
          "a JSON body {\"title\", \"text\", \"language\"} is required");
    }
    return input;
  }
}
