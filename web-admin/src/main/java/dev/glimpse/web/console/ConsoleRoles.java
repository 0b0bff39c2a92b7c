package dev.glimpse.web.console;

/** The roles of console users. */
public final class ConsoleRoles {

  /** Configures Glimpse and does everything a reviewer does. */
  public static final String ADMIN = "admin";

  /** Reviews, edits, approves, rejects and requeues AI output. */
  public static final String REVIEWER = "reviewer";

  private ConsoleRoles() {}
}
