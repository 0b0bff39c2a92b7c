package dev.glimpse.web.console;

import dev.glimpse.domain.document.DocumentListing;
import dev.glimpse.domain.document.DocumentService;
import dev.glimpse.domain.document.DocumentTooLargeException;
import dev.glimpse.domain.image.ImageRejectedException;
import dev.glimpse.domain.image.ImageService;
import dev.glimpse.domain.image.ImageUpload;
import dev.glimpse.domain.image.Registration;
import dev.glimpse.domain.quota.Admission;
import dev.glimpse.domain.support.GlimpseSettings;
import dev.glimpse.domain.support.Streams;
import dev.glimpse.domain.support.Texts;
import dev.glimpse.domain.task.TaskPriority;
import dev.glimpse.domain.task.TaskRunTrigger;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * Backs {@code /admin/upload.xhtml}: images dropped several at a time, with the API's limits and
 * errors shown per file; a document from a title and text, or from a .txt or .md file.
 */
@Named
@ViewScoped
public class UploadView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient ImageService images;

  @Inject transient DocumentService documents;

  @Inject transient GlimpseSettings settings;

  @Inject transient TaskRunTrigger trigger;

  private String language = "en";
  private boolean describe = true;
  private String title;
  private String text;
  private String documentLanguage = "en";
  private final List<UploadResult> results = new ArrayList<>();

  /** One image of a drop: stored and queued, or refused with the reason the API would give. */
  public void uploadImage(FileUploadEvent event) {
    UploadedFile file = event.getFile();
    String name = file.getFileName();
    try {
      byte[] bytes = readBounded(file, settings.imageMaxBytes());
      Registration registration =
          images.register(
              new ImageUpload(bytes, name, language, null, TaskPriority.HIGH, describe, null),
              Console.actor(),
              Admission.ANY);
      results.add(0, UploadResult.stored(name, registration.listing().image().id()));
      if (describe) {
        trigger.runSoon();
        Console.inform(name + ": stored; it will be described shortly.");
      } else {
        Console.inform(name + ": stored without a description; a backfill can describe it.");
      }
    } catch (ImageRejectedException | IllegalArgumentException e) {
      results.add(0, UploadResult.refused(name, e.getMessage()));
      Console.warn(name + ": " + e.getMessage());
    }
  }

  /** Takes the text of a .txt or .md file into the document form. */
  public void loadDocumentFile(FileUploadEvent event) {
    UploadedFile file = event.getFile();
    try {
      text = utf8(readBounded(file, settings.documentMaxChars() * 4L));
      if (Texts.isBlank(title)) {
        title = file.getFileName().replaceFirst("\\.(txt|md)$", "");
      }
      Console.inform(file.getFileName() + ": read " + text.length() + " characters.");
    } catch (IllegalArgumentException e) {
      Console.warn(file.getFileName() + ": " + e.getMessage());
    }
  }

  /** Stores the document; a summary is made in the background. */
  public void createDocument() {
    if (Texts.isBlank(title) || Texts.isBlank(text)) {
      Console.warn("A document needs a title and a text.");
      return;
    }
    try {
      DocumentListing created =
          documents.create(title.strip(), text, documentLanguage, Console.actor(), Admission.ANY);
      trigger.runSoon();
      results.add(0, UploadResult.stored(title.strip(), created.document().id()));
      Console.inform(title.strip() + ": stored; a summary is on its way.");
      title = null;
      text = null;
    } catch (DocumentTooLargeException | IllegalArgumentException e) {
      Console.warn(e.getMessage());
    }
  }

  private static byte[] readBounded(UploadedFile file, long max) {
    try {
      return Streams.readAtMost(file.getInputStream(), max)
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "The file is larger than the limit of " + max + " bytes."));
    } catch (IOException e) {
      throw new IllegalArgumentException("the file could not be read", e);
    }
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("the file is not UTF-8 text", e);
    }
  }

  /** Whether images dropped now are described at once, or only stored. */
  public boolean isDescribe() {
    return describe;
  }

  public void setDescribe(boolean describe) {
    this.describe = describe;
  }

  public String getLanguage() {
    return language;
  }

  public void setLanguage(String language) {
    this.language = language;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getDocumentLanguage() {
    return documentLanguage;
  }

  public void setDocumentLanguage(String documentLanguage) {
    this.documentLanguage = documentLanguage;
  }

  /** What became of each file and document, newest first. */
  public List<UploadResult> getResults() {
    return results;
  }

  /** What became of one upload. */
  public record UploadResult(String name, boolean stored, String detail, String id)
      implements Serializable {

    static UploadResult stored(String name, String id) {
      return new UploadResult(name, true, "stored", id);
    }

    static UploadResult refused(String name, String reason) {
      return new UploadResult(name, false, reason, null);
    }

    public String getName() {
      return name;
    }

    public boolean isStored() {
      return stored;
    }

    public String getDetail() {
      return detail;
    }

    public String getId() {
      return id;
    }
  }
}
