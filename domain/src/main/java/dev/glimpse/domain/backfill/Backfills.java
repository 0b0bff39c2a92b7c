package dev.glimpse.domain.backfill;

import dev.glimpse.domain.document.DocumentService;
import dev.glimpse.domain.image.ImageAsset;
import dev.glimpse.domain.image.ImageService;
import dev.glimpse.domain.support.GlimpseSettings;
import dev.glimpse.domain.support.NotFoundException;
import dev.glimpse.domain.task.Actor;
import dev.glimpse.domain.task.AiTask;
import dev.glimpse.domain.task.TaskKind;
import dev.glimpse.domain.task.TaskPriority;
import dev.glimpse.domain.task.TaskStatus;
import dev.glimpse.domain.usage.ItemUsage;
import dev.glimpse.domain.usage.ModelPrices;
import dev.glimpse.domain.usage.ModelUsageLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Backfills: a dry run that counts and prices, the start, pause, resume and cancel, and what the
 * job that feeds a backfill to the queue asks of it. A backfill hands its items to the queue a page
 * at a time and never more than {@code GLIMPSE_BACKFILL_WINDOW} waiting at once; each page goes in
 * one transaction with the backfill's position, so an item is handed over once whatever stops.
 */
@ApplicationScoped
public class Backfills {

  /** How far back the usage an estimate rests on reaches. */
  static final Duration USAGE_PERIOD = Duration.ofDays(30);

  /** How long a job holds the feeding of a backfill without renewing. */
  static final Duration HOLD = Duration.ofSeconds(30);

  /** How many candidates a page holds at most. */
  static final int PAGE = 50;

  private static final Logger LOG = Logger.getLogger(Backfills.class);

  @PersistenceContext(unitName = "glimpse")
  EntityManager em;

  @Inject BackfillCandidates candidates;

  @Inject ModelUsageLog usage;

  @Inject Instance<ModelPrices> prices;

  @Inject ImageService images;

  @Inject DocumentService documents;

  @Inject GlimpseSettings settings;

  Clock clock = Clock.systemUTC();

  /** What a backfill of {@code scope} within {@code cap} would do now: a dry run. */
  @Transactional
  public BackfillPlan plan(BackfillScope scope, Integer cap) {
    checkCap(cap);
    long found = candidates.count(scope);
    long items = cap == null ? found : Math.min(found, cap);
    return new BackfillPlan(scope, found, items, cap, estimate(scope.kind(), items));
  }

  /** Starts a backfill of {@code scope} within {@code cap}; its job starts within seconds. */
  @Transactional
  public BackfillProgress start(
      BackfillScope scope, Integer cap, TaskPriority priority, Actor actor) {
    BackfillPlan plan = plan(scope, cap);
    Backfill backfill =
        new Backfill(
            scope,
            cap,
            priority == null ? TaskPriority.LOW : priority,
            (int) plan.items(),
            actor,
            clock.instant());
    em.persist(backfill);
    LOG.infof(
        "Backfill(id=%s) of %s started by %s: %d items planned",
        backfill.id(), scope.kind(), actor, plan.items());
    return new BackfillProgress(backfill, 0, 0, 0);
  }

  /**
   * The backfill {@code id} with its progress, if {@code owner} may see it ({@code null}: staff).
   */
  @Transactional(dontRollbackOn = NotFoundException.class)
  public BackfillProgress find(String id, String owner) {
    return progress(visible(id, owner));
  }

  /** The most recent backfills {@code owner} may see, newest first. */
  @Transactional
  public List<BackfillProgress> recent(String owner, int limit) {
    return em
        .createQuery(
            "SELECT b FROM Backfill b WHERE :owner IS NULL OR b.owner = :owner"
                + " ORDER BY b.createdAt DESC, b.id",
            Backfill.class)
        .setParameter("owner", owner)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(this::progress)
        .toList();
  }

  /** The backfills running or paused, oldest first, with their progress. */
  @Transactional(TxType.SUPPORTS)
  public List<BackfillProgress> underWay() {
    return em
        .createQuery(
            "SELECT b FROM Backfill b WHERE b.status IN (dev.glimpse.domain.backfill.BackfillStatus"
                + ".RUNNING, dev.glimpse.domain.backfill.BackfillStatus.PAUSED)"
                + " ORDER BY b.createdAt, b.id",
            Backfill.class)
        .getResultList()
        .stream()
        .map(this::progress)
        .toList();
  }

  /**
   * Pauses backfill {@code id}: nothing more goes to the queue; what it handed over finishes.
   *
   * @throws BackfillStateException when it is not RUNNING
   */
  @Transactional(dontRollbackOn = NotFoundException.class)
  public BackfillProgress pause(String id, String owner, Actor actor) {
    return change(id, owner, actor, "paused", backfill -> backfill.pause(actor, clock.instant()));
  }

  /**
   * Resumes a paused backfill where it stopped.
   *
   * @throws BackfillStateException when it is not PAUSED
   */
  @Transactional(dontRollbackOn = NotFoundException.class)
  public BackfillProgress resume(String id, String owner, Actor actor) {
    return change(id, owner, actor, "resumed", backfill -> backfill.resume(actor, clock.instant()));
  }

  /**
   * Cancels a backfill for good: nothing more goes to the queue; what it handed over finishes.
   *
   * @throws BackfillStateException when it is DONE or CANCELLED already
   */
  @Transactional(dontRollbackOn = NotFoundException.class)
  public BackfillProgress cancel(String id, String owner, Actor actor) {
    return change(
        id, owner, actor, "cancelled", backfill -> backfill.cancel(actor, clock.instant()));
  }

  /** Makes {@code change} to backfill {@code id}, locked, if {@code owner} may see it. */
  private BackfillProgress change(
      String id, String owner, Actor actor, String done, Consumer<Backfill> change) {
    Backfill backfill = locked(id, owner);
    change.accept(backfill);
    LOG.infof("Backfill(id=%s) %s by %s", id, done, actor);
    return progress(backfill);
  }

  /** The ids of the RUNNING backfills, oldest first: the ones a job should feed. */
  @Transactional(TxType.REQUIRES_NEW)
  public List<String> running() {
    return em.createQuery(
            "SELECT b.id FROM Backfill b"
                + " WHERE b.status = dev.glimpse.domain.backfill.BackfillStatus.RUNNING"
                + " ORDER BY b.createdAt, b.id",
            String.class)
        .getResultList();
  }

  /**
   * Makes {@code runner} the job that feeds backfill {@code id}, unless another job holds it.
   * Returns whether it does.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public boolean hold(String id, String runner) {
    Backfill backfill = em.find(Backfill.class, id, LockModeType.PESSIMISTIC_WRITE);
    Instant now = clock.instant();
    return backfill != null && backfill.run(runner, now.plus(HOLD), now);
  }

  /** The job of {@code runner} stopped feeding backfill {@code id}. */
  @Transactional(TxType.REQUIRES_NEW)
  public void release(String id, String runner) {
    Backfill backfill = em.find(Backfill.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (backfill != null) {
      backfill.release(runner);
    }
  }

  /**
   * Lets go of every backfill a job of {@code node} fed when the node stopped: called as the node
   * starts, so its jobs take them up again at once rather than when their hold runs out.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public int releaseRunsOf(String node) {
    int released = 0;
    for (Backfill backfill :
        em.createQuery("SELECT b FROM Backfill b WHERE b.runner IS NOT NULL", Backfill.class)
            .getResultList()) {
      if (backfill.heldOn(node)) {
        backfill.letGo();
        released++;
      }
    }
    return released;
  }

  /**
   * What the job of {@code runner} does next for backfill {@code id}: a page of candidates to hand
   * over while the window has room, a wait while it is full, or a stop. Renews the runner's hold,
   * and marks the backfill DONE once every item it handed over is done.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public FeedStep next(String id, String runner) {
    Backfill backfill = em.find(Backfill.class, id, LockModeType.PESSIMISTIC_WRITE);
    Instant now = clock.instant();
    if (backfill == null || !backfill.run(runner, now.plus(HOLD), now)) {
      return new FeedStep.Stop("the backfill is not running, or another job feeds it");
    }
    long waiting = waiting(id);
    if (!backfill.fed()) {
      int room = (int) Math.min(settings.backfillWindow() - waiting, backfill.room());
      if (backfill.room() == 0) {
        backfill.allFed();
      } else if (room <= 0) {
        return new FeedStep.Wait();
      } else {
        List<String> page =
            candidates.after(backfill.scope(), backfill.afterId(), Math.min(room, PAGE));
        if (!page.isEmpty()) {
          return new FeedStep.Page(page);
        }
        backfill.allFed();
      }
      LOG.infof(
          "Backfill(id=%s) handed its last item to the queue: %d in all, %d passed over",
          id, backfill.enqueued(), backfill.skipped());
    }
    if (waiting > 0) {
      return new FeedStep.Wait();
    }
    backfill.done(now);
    LOG.infof("Backfill(id=%s) done: %d items", id, backfill.enqueued());
    return new FeedStep.Stop("the backfill is done");
  }

  /**
   * Hands to the queue those of {@code ids} that still need the work, within the cap, and moves the
   * backfill past them, in one transaction. Returns how many went to the queue; none when {@code
   * runner} no longer feeds the backfill.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public int handOver(String id, String runner, List<String> ids, Actor actor) {
    Backfill backfill = em.find(Backfill.class, id, LockModeType.PESSIMISTIC_WRITE);
    Instant now = clock.instant();
    if (backfill == null || !backfill.isRunBy(runner, now)) {
      return 0;
    }
    BackfillScope scope = backfill.scope();
    int handed = 0;
    int passed = 0;
    String last = backfill.afterId();
    for (String item : ids) {
      if (backfill.room() - handed == 0) {
        break;
      }
      Optional<AiTask> task =
          candidates.needsWork(scope, item)
              ? enqueue(backfill, item, actor, now)
              : Optional.empty();
      if (task.isPresent()) {
        task.get().handedOverBy(id, actor, now);
        handed++;
      } else {
        passed++;
      }
      last = item;
    }
    backfill.advance(last, handed, passed);
    LOG.debugf("Backfill(id=%s) handed %d items to the queue, passed %d", id, handed, passed);
    return handed;
  }

  /**
   * A task that does the work for {@code item}: its failed one made again, or a new one; none when
   * the item was deleted meanwhile. The item's row is locked, so that nothing else gives it a task
   * at the same moment.
   */
  private Optional<AiTask> enqueue(Backfill backfill, String item, Actor actor, Instant now) {
    if (backfill.kind() == TaskKind.SUMMARIZE_DOCUMENT) {
      return documents.enqueueSummary(item, backfill.priority(), actor);
    }
    ImageAsset image = em.find(ImageAsset.class, item, LockModeType.PESSIMISTIC_WRITE);
    if (image == null) {
      return Optional.empty();
    }
    AiTask failed = image.taskId() == null ? null : em.find(AiTask.class, image.taskId());
    if (failed == null) {
      return Optional.of(images.enqueueDescription(image, backfill.priority(), actor));
    }
    failed.regenerate(actor, backfill.priority(), now);
    return Optional.of(failed);
  }

  private BackfillProgress progress(Backfill backfill) {
    Map<TaskStatus, Long> tasks = new EnumMap<>(TaskStatus.class);
    for (Object[] row :
        em.createQuery(
                "SELECT t.status, COUNT(t) FROM AiTask t WHERE t.backfillId = :id GROUP BY t.status",
                Object[].class)
            .setParameter("id", backfill.id())
            .getResultList()) {
      tasks.put((TaskStatus) row[0], ((Number) row[1]).longValue());
    }
    long waiting =
        tasks.getOrDefault(TaskStatus.PENDING, 0L) + tasks.getOrDefault(TaskStatus.PROCESSING, 0L);
    long failed = tasks.getOrDefault(TaskStatus.FAILED, 0L);
    long done =
        failed
            + tasks.getOrDefault(TaskStatus.COMPLETED, 0L)
            + tasks.getOrDefault(TaskStatus.FLAGGED, 0L);
    return new BackfillProgress(backfill, done, failed, waiting);
  }

  private long waiting(String id) {
    return em.createQuery(
            "SELECT COUNT(t) FROM AiTask t WHERE t.backfillId = :id AND t.status IN"
                + " (dev.glimpse.domain.task.TaskStatus.PENDING,"
                + " dev.glimpse.domain.task.TaskStatus.PROCESSING)",
            Long.class)
        .setParameter("id", id)
        .getSingleResult();
  }

  private BackfillEstimate estimate(TaskKind kind, long items) {
    Optional<ItemUsage> observed = usage.perItem(kind.name(), clock.instant().minus(USAGE_PERIOD));
    if (observed.isEmpty()) {
      return BackfillEstimate.none(
          "No "
              + kind.subjectType()
              + " was done with a model in the last "
              + USAGE_PERIOD.toDays()
              + " days: there is no basis for an estimate yet.");
    }
    ItemUsage average = observed.get();
    long tokens = Math.round((average.tokensIn() + average.tokensOut()) * items);
    String basis =
        String.format(
            "%d %s(s) done with %s/%s in the last %d days took %.0f tokens in and %.0f out on"
                + " average",
            average.items(),
            kind.subjectType(),
            average.provider(),
            average.model(),
            USAGE_PERIOD.toDays(),
            average.tokensIn(),
            average.tokensOut());
    Optional<BigDecimal> perItem =
        prices.isResolvable()
            ? prices
                .get()
                .cost(
                    average.model(),
                    (int) Math.round(average.tokensIn()),
                    (int) Math.round(average.tokensOut()))
            : Optional.empty();
    if (perItem.isEmpty()) {
      return new BackfillEstimate(
          tokens, null, basis + "; the price table has no price for " + average.model() + ".");
    }
    return new BackfillEstimate(
        tokens,
        perItem.get().multiply(BigDecimal.valueOf(items)).stripTrailingZeros(),
        basis + ".");
  }

  private Backfill visible(String id, String owner) {
    return visible(id, owner, LockModeType.NONE);
  }

  private Backfill locked(String id, String owner) {
    return visible(id, owner, LockModeType.PESSIMISTIC_WRITE);
  }

  /** The backfill {@code id}, read with {@code lock}, if {@code owner} may see it. */
  private Backfill visible(String id, String owner, LockModeType lock) {
    Backfill backfill = em.find(Backfill.class, id, lock);
    if (backfill == null || (owner != null && !owner.equals(backfill.owner()))) {
      throw new NotFoundException("Backfill", id);
    }
    return backfill;
  }

  private static void checkCap(Integer cap) {
    if (cap != null && cap < 1) {
      throw new IllegalArgumentException("cap must be at least 1");
    }
  }
}
