package dev.glimpse.web.api;

import dev.glimpse.web.events.EventsResource;
import dev.glimpse.web.limits.JsonBodyLimit;
import dev.glimpse.web.limits.LimitMappers;
import dev.glimpse.web.limits.RequestRateFilter;
import dev.glimpse.web.problem.DomainExceptionMappers;
import dev.glimpse.web.problem.RequestBodyMappers;
import dev.glimpse.web.problem.UnexpectedExceptionMapper;
import dev.glimpse.web.problem.WebExceptionMapper;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The HTTP API under {@code /api}; its resources are listed so the health application stays apart.
 */
@ApplicationPath("/api")
public class ApiApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        ImagesResource.class,
        TasksResource.class,
        DocumentsResource.class,
        StatsResource.class,
        BackfillsResource.class,
        AdminClientsResource.class,
        EventsResource.class,
        ApiKeyFilter.class,
        RequestRateFilter.class,
        JsonBodyLimit.class,
        RequestChecks.class,
        JsonMapperResolver.class,
        WebExceptionMapper.class,
        UnexpectedExceptionMapper.class,
        DomainExceptionMappers.NotFound.class,
        DomainExceptionMappers.ImageRejected.class,
        DomainExceptionMappers.IllegalTransition.class,
        DomainExceptionMappers.ReviewConflict.class,
        DomainExceptionMappers.KeyReused.class,
        DomainExceptionMappers.VersionConflict.class,
        DomainExceptionMappers.QuotaExceeded.class,
        DomainExceptionMappers.BackfillConflict.class,
        DomainExceptionMappers.ClientConflict.class,
        DomainExceptionMappers.DocumentTooLarge.class,
        DomainExceptionMappers.BadArgument.class,
        RequestBodyMappers.BadJson.class,
        RequestBodyMappers.UnreadableBody.class,
        LimitMappers.LimitReached.class,
        LimitMappers.BodyTooLarge.class);
  }
}
