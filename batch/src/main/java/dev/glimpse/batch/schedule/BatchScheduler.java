package dev.glimpse.batch.schedule;

import dev.glimpse.batch.backfill.BackfillRunner;
import dev.glimpse.domain.backfill.Backfills;
import dev.glimpse.domain.document.SummaryParts;
import dev.glimpse.domain.support.GlimpseSettings;
import dev.glimpse.domain.task.Actor;
import dev.glimpse.domain.task.TaskService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Starts the batch jobs ({@value #DESCRIBE_IMAGES}, {@value #SUMMARIZE_DOCUMENTS}) every {@code
 * GLIMPSE_BATCH_INTERVAL}, each unless an execution is already running on this node, and at once
 * when {@link BatchWakeUp} asks. Claims and leases keep several nodes doing this from processing a
 * task twice.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BatchScheduler {

  public static final String DESCRIBE_IMAGES = "describe-images";
  public static final String SUMMARIZE_DOCUMENTS = "summarize-documents";
  public static final String BACKFILL = "backfill";
  static final List<String> JOBS = List.of(DESCRIBE_IMAGES, SUMMARIZE_DOCUMENTS);
  static final String REAP_LEASES = "reap-expired-leases";
  static final Duration PART_PURGE_INTERVAL = Duration.ofHours(1);
  static final int WORKERS_PER_SLOT = 2;

  private static final Logger LOG = Logger.getLogger(BatchScheduler.class);

  @Resource TimerService timerService;

  @Inject
  @ConfigProperty(name = "glimpse.batch.interval", defaultValue = "PT10S")
  Duration interval;

  @Inject Config config;

  private final Map<String, Long> lastExecutions = new HashMap<>();

  /** The execution of this node that feeds each backfill, by backfill id. */
  private final Map<String, Long> backfillExecutions = new HashMap<>();

  @Inject Backfills backfills;

  @Inject
  @ConfigProperty(name = "glimpse.task.reaper-interval", defaultValue = "PT15S")
  Duration reaperInterval;

  @Inject TaskService tasks;

  @Inject SummaryParts parts;

  private Instant lastPartPurge;

  @Inject GlimpseSettings settings;

  @PostConstruct
  void schedule() {
    releaseLeftoverLeases();
    releaseLeftoverBackfills();
    long millis = Math.max(1000, interval.toMillis());
    timerService.createIntervalTimer(millis, millis, new TimerConfig("run-batch-jobs", false));
    long reaper = Math.max(1000, reaperInterval.toMillis());
    timerService.createIntervalTimer(reaper, reaper, new TimerConfig(REAP_LEASES, false));
    LOG.infof(
        "Batch jobs %s scheduled every %s; expired leases reaped every %s",
        JOBS, interval, reaperInterval);
  }

  /** At most once an hour, forgets part summaries older than GLIMPSE_SUMMARY_PART_RETENTION. */
  private void forgetOldPartSummaries() {
    Instant now = Instant.now();
    if (lastPartPurge != null && lastPartPurge.plus(PART_PURGE_INTERVAL).isAfter(now)) {
      return;
    }
    lastPartPurge = now;
    int forgotten = parts.forgetMadeBefore(now.minus(settings.partRetention()));
    if (forgotten > 0) {
      LOG.infof("%d part summaries older than %s forgotten", forgotten, settings.partRetention());
    }
  }

  /**
   * Takes back at once the tasks this node held when it last stopped (a crash, a kill): nothing of
   * this node works on them any more. If that fails, their leases run out as usual.
   */
  private void releaseLeftoverLeases() {
    try {
      int released = tasks.releaseLeasesOf(settings.nodeName(), Actor.system(settings.nodeName()));
      if (released > 0) {
        LOG.infof("%d task(s) this node held when it stopped went back to PENDING", released);
      }
    } catch (RuntimeException e) {
      LOG.warnf("Leases left from this node's last run not released (%s); they run out", e);
    }
  }

  /**
   * Lets go at once of the backfills this node's jobs fed when it last stopped, so that they are
   * taken up again now rather than when their hold runs out.
   */
  private void releaseLeftoverBackfills() {
    try {
      int released = backfills.releaseRunsOf(settings.nodeName());
      if (released > 0) {
        LOG.infof("%d backfill(s) this node fed when it stopped will be taken up again", released);
      }
    } catch (RuntimeException e) {
      LOG.warnf(
          "Backfills this node fed when it stopped not released (%s); their hold runs out", e);
    }
  }

  @Timeout
  void onSchedule(Timer timer) {
    if (REAP_LEASES.equals(timer.getInfo())) {
      forgetOldPartSummaries();
      int reaped = tasks.reapExpiredLeases(Actor.system(settings.nodeName()));
      if (reaped > 0) {
        LOG.infof("%d task(s) whose lease expired went back to PENDING", reaped);
        startUnlessRunning();
      }
      return;
    }
    startUnlessRunning();
  }

  /**
   * Starts the job unless the execution this node started last is still running. Only this node's
   * own execution counts: the shared job repository also holds other nodes' executions, and ones
   * left STARTED by a node that crashed.
   */
  public void startUnlessRunning() {
    JobOperator operator = BatchRuntime.getJobOperator();
    for (String job : JOBS) {
      Long last = lastExecutions.get(job);
      if (last != null && isRunning(operator, last)) {
        continue;
      }
      Properties parameters = new Properties();
      parameters.setProperty("partitions", Integer.toString(partitions()));
      long execution = operator.start(job, parameters);
      lastExecutions.put(job, execution);
      LOG.debugf("Batch job %s started, execution %d", job, execution);
    }
    startBackfills(operator);
  }

  /**
   * Starts a job for every RUNNING backfill that no job of this node feeds yet and that no other
   * node's job holds.
   */
  private void startBackfills(JobOperator operator) {
    String runner = BackfillRunner.of(settings.nodeName());
    backfillExecutions.values().removeIf(execution -> !isRunning(operator, execution));
    for (String backfill : backfills.running()) {
      if (!backfillExecutions.containsKey(backfill) && backfills.hold(backfill, runner)) {
        Properties parameters = new Properties();
        parameters.setProperty(BackfillRunner.BACKFILL_ID, backfill);
        backfillExecutions.put(backfill, operator.start(BACKFILL, parameters));
        LOG.infof("Backfill(id=%s) feeding started on this node", backfill);
      }
    }
  }

  private static boolean isRunning(JobOperator operator, long execution) {
    try {
      BatchStatus status = operator.getJobExecution(execution).getBatchStatus();
      return status == BatchStatus.STARTING
          || status == BatchStatus.STARTED
          || status == BatchStatus.STOPPING;
    } catch (NoSuchJobExecutionException e) {
      return false;
    }
  }

  /**
   * Parallel workers per job: GLIMPSE_BATCH_PARTITIONS, else twice GLIMPSE_AI_CONCURRENCY (2 unless
   * set). Twice as many workers as model slots keep the slots busy: while one worker's task is with
   * the model, another claims and prepares the next and waits for the slot, so a slot that frees is
   * taken at once instead of after a claim, a database read and an image resize.
   */
  int partitions() {
    int partitions =
        config
            .getOptionalValue("glimpse.batch.partitions", Integer.class)
            .orElseGet(
                () ->
                    WORKERS_PER_SLOT
                        * config
                            .getOptionalValue("glimpse.ai.concurrency", Integer.class)
                            .orElse(2));
    return Math.max(1, partitions);
  }
}
