package dev.glimpse.web.console;

import dev.glimpse.domain.quota.ClientQuota;
import dev.glimpse.domain.quota.ClientQuotas;
import dev.glimpse.web.api.ApiClientDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Backs the API clients' part of {@code /admin/settings.xhtml} (admins only): each client's daily
 * quotas of uploads and of model calls, for every node.
 */
@Named
@ViewScoped
public class QuotaSettingsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient ClientQuotas quotas;

  @Inject transient ApiClientDirectory clients;

  /** One client's quotas as the form edits them; an empty field is no limit. */
  public static final class Row implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String client;
    private String uploads;
    private String calls;

    Row(String client, Integer uploads, Integer calls) {
      this.client = client;
      this.uploads = uploads == null ? "" : uploads.toString();
      this.calls = calls == null ? "" : calls.toString();
    }

    public String getClient() {
      return client;
    }

    public String getUploads() {
      return uploads;
    }

    public void setUploads(String uploads) {
      this.uploads = uploads;
    }

    public String getCalls() {
      return calls;
    }

    public void setCalls(String calls) {
      this.calls = calls;
    }
  }

  private List<Row> rows = List.of();

  @PostConstruct
  void init() {
    List<Row> loaded = new ArrayList<>();
    for (String client : clients.activeNames()) {
      Optional<ClientQuota> quota = quotas.of(client);
      loaded.add(
          new Row(
              client,
              quota.map(ClientQuota::uploadsPerDay).orElse(null),
              quota.map(ClientQuota::callsPerDay).orElse(null)));
    }
    rows = loaded;
  }

  public List<Row> getRows() {
    return rows;
  }

  /** Stores every client's quotas; nothing is stored when a field is not a whole number. */
  public void save() {
    List<Integer[]> limits = new ArrayList<>();
    try {
      for (Row row : rows) {
        limits.add(
            new Integer[] {
              parse(row.getUploads(), row.getClient(), "uploads"),
              parse(row.getCalls(), row.getClient(), "model calls")
            });
      }
    } catch (IllegalArgumentException e) {
      Console.warn("Not saved: " + e.getMessage() + ".");
      return;
    }
    for (int i = 0; i < rows.size(); i++) {
      quotas.set(rows.get(i).getClient(), limits.get(i)[0], limits.get(i)[1], Console.actor());
    }
    Console.inform("Saved the quotas of " + rows.size() + " API clients.");
  }

  private static Integer parse(String text, String client, String what) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      int limit = Integer.parseInt(text.strip());
      if (limit < 1) {
        throw new IllegalArgumentException(
            "the quota of " + what + " of " + client + " must be at least 1");
      }
      return limit;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "the quota of " + what + " of " + client + " is not a whole number", e);
    }
  }
}
