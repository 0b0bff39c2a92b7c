package dev.glimpse.domain.image;

import dev.glimpse.domain.support.Page;
import dev.glimpse.domain.support.Texts;
import dev.glimpse.domain.task.AiTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Lists images: filtered, sorted and paged, with the label facet of what a filter lets through. */
@ApplicationScoped
public class ImageCatalog {

  private static final int FACET_SIZE = 30;

  @PersistenceContext(unitName = "glimpse")
  EntityManager em;

  /**
   * A page of images matching {@code query}. Tasks are read before their images: a task's outcome
   * and its image's description commit together, so an image is never older than its task's status.
   */
  @Transactional
  public Page<ImageListing> list(ImageQuery query) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Tuple> select = cb.createTupleQuery();
    Root<ImageAsset> image = select.from(ImageAsset.class);
    Expression<?> sorted = image.get(query.sort().field().attribute());
    select
        .multiselect(image.get("id"), image.get("taskId"))
        .where(filters(cb, select, image, query.filter()))
        .orderBy(
            query.sort().ascending() ? cb.asc(sorted) : cb.desc(sorted),
            cb.desc(image.get("createdAt")),
            cb.asc(image.get("id")));
    List<Tuple> keys =
        em.createQuery(select)
            .setFirstResult(query.page() * query.size())
            .setMaxResults(query.size())
            .getResultList();

    Map<String, AiTask> tasks =
        byId(
            keys.stream().map(key -> key.get(1, String.class)).filter(Objects::nonNull).toList(),
            AiTask.class,
            AiTask::id);
    Map<String, ImageAsset> images =
        byId(
            keys.stream().map(key -> key.get(0, String.class)).toList(),
            ImageAsset.class,
            ImageAsset::id);
    List<ImageListing> listings = new ArrayList<>();
    for (Tuple key : keys) {
      ImageAsset found = images.get(key.get(0, String.class));
      if (found != null) {
        String taskId = key.get(1, String.class);
        listings.add(new ImageListing(found, taskId == null ? null : tasks.get(taskId)));
      }
    }
    return new Page<>(listings, count(query.filter()), query.page(), query.size());
  }

  /** How many images {@code filter} lets through. */
  @Transactional(TxType.SUPPORTS)
  public long count(ImageFilter filter) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Long> count = cb.createQuery(Long.class);
    Root<ImageAsset> image = count.from(ImageAsset.class);
    count.select(cb.count(image)).where(filters(cb, count, image, filter));
    return em.createQuery(count).getSingleResult();
  }

  /** The ids of every image {@code filter} lets through, for an action on all of them. */
  @Transactional(TxType.SUPPORTS)
  public List<String> ids(ImageFilter filter) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<String> select = cb.createQuery(String.class);
    Root<ImageAsset> image = select.from(ImageAsset.class);
    select.select(image.get("id")).where(filters(cb, select, image, filter));
    return em.createQuery(select).getResultList();
  }

  /** The most frequent labels among the images {@code filter} lets through, with their counts. */
  @Transactional(TxType.SUPPORTS)
  public List<LabelCount> labels(ImageFilter filter) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Object[]> select = cb.createQuery(Object[].class);
    Root<ImageAsset> image = select.from(ImageAsset.class);
    // The label through a function: EclipseLink would otherwise select and group the joined
    // element collection together with its order column, one group per label and position.
    Expression<String> label = cb.trim(image.<ImageAsset, String>join("labels"));
    Expression<Long> images = cb.countDistinct(image.get("id"));
    select
        .multiselect(images, label)
        .where(filters(cb, select, image, filter))
        .groupBy(label)
        .orderBy(cb.desc(images), cb.asc(label));
    return em.createQuery(select).setMaxResults(FACET_SIZE).getResultList().stream()
        .map(row -> new LabelCount((String) row[1], ((Number) row[0]).longValue()))
        .toList();
  }

  private <T> Map<String, T> byId(List<String> ids, Class<T> type, Function<T, String> id) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return em
        .createQuery("SELECT e FROM " + type.getSimpleName() + " e WHERE e.id IN :ids", type)
        .setParameter("ids", ids)
        .getResultList()
        .stream()
        .collect(Collectors.toMap(id, Function.identity()));
  }

  private static Predicate[] filters(
      CriteriaBuilder cb, AbstractQuery<?> query, Root<ImageAsset> image, ImageFilter filter) {
    List<Predicate> predicates = new ArrayList<>();
    equal(cb, predicates, image.get("owner"), filter.owner());
    equal(cb, predicates, image.get("aiGenerated"), filter.aiGenerated());
    equal(cb, predicates, image.get("reviewState"), filter.review());
    equal(cb, predicates, image.get("provider"), blankToNull(filter.provider()));
    equal(cb, predicates, image.get("model"), blankToNull(filter.model()));
    equal(cb, predicates, image.get("promptVersion"), blankToNull(filter.promptVersion()));
    if (!Texts.isBlank(filter.promptOtherThan())) {
      predicates.add(cb.equal(image.get("aiGenerated"), Boolean.TRUE));
      predicates.add(cb.isNotNull(image.get("altText")));
      predicates.add(cb.notEqual(image.get("promptVersion"), filter.promptOtherThan().strip()));
    }
    if (filter.awaitingReview() != null) {
      predicates.add(
          filter.awaitingReview()
              ? cb.isTrue(image.get("awaitingReview"))
              : cb.or(
                  cb.isNull(image.get("awaitingReview")), cb.isFalse(image.get("awaitingReview"))));
    }
    if (filter.status() != null) {
      predicates.add(image.get("taskId").in(tasksWhere(cb, query, "status", filter.status())));
    }
    if (!Texts.isBlank(filter.errorKind())) {
      predicates.add(
          image.get("taskId").in(tasksWhere(cb, query, "errorKind", filter.errorKind().strip())));
    }
    if (!Texts.isBlank(filter.label())) {
      Subquery<String> labelled = query.subquery(String.class);
      Root<ImageAsset> other = labelled.from(ImageAsset.class);
      Join<ImageAsset, String> label = other.join("labels");
      labelled.select(other.get("id")).where(cb.equal(label, filter.label().strip()));
      predicates.add(image.get("id").in(labelled));
    }
    if (!Texts.isBlank(filter.text())) {
      String pattern = "%" + filter.text().strip().toLowerCase(Locale.ROOT) + "%";
      predicates.add(
          cb.or(
              cb.like(cb.lower(image.get("altText")), pattern),
              cb.like(cb.lower(image.get("filename")), pattern)));
    }
    if (filter.uploadedFrom() != null) {
      predicates.add(cb.greaterThanOrEqualTo(image.get("createdAt"), filter.uploadedFrom()));
    }
    if (filter.uploadedBefore() != null) {
      predicates.add(cb.lessThan(image.get("createdAt"), filter.uploadedBefore()));
    }
    return predicates.toArray(Predicate[]::new);
  }

  private static Subquery<String> tasksWhere(
      CriteriaBuilder cb, AbstractQuery<?> query, String attribute, Object value) {
    Subquery<String> sub = query.subquery(String.class);
    Root<AiTask> task = sub.from(AiTask.class);
    return sub.select(task.get("id")).where(cb.equal(task.get(attribute), value));
  }

  private static void equal(
      CriteriaBuilder cb, List<Predicate> predicates, Expression<?> attribute, Object value) {
    if (value != null) {
      predicates.add(cb.equal(attribute, value));
    }
  }

  private static String blankToNull(String value) {
    return Texts.isBlank(value) ? null : value.strip();
  }
}
