package dev.glimpse.gateway.judge;

import java.util.Objects;

/**
 * Why a person must see a valid-looking result before it is used: a machine-readable code and a
 * sentence a reviewer reads.
 */
public record Concern(Code code, String sentence) {

  public Concern {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(sentence, "sentence");
  }

  /** The kinds of concern, each with its code in the API and whether it withholds the text. */
  public enum Code {
    /** Made by the in-process provider, without a model. */
    LOCAL_PROVIDER("local-provider", false),
    /** HTML or XML had to be removed: the model wrote markup. */
    MARKUP_REMOVED("markup-removed", false),
    /** The text addresses the system or the reader instead of describing. */
    INSTRUCTIONS("instructions", true),
    /** The same word or phrase over and over. */
    REPEATED("repeated", true),
    /** The text stops mid-sentence. */
    CUT_OFF("cut-off", false),
    /** The text is mostly not letters. */
    NOT_WORDS("not-words", false),
    /** The description is a file or camera name. */
    FILENAME("filename", true),
    /** The description says nothing: "image", "photo", "untitled". */
    GENERIC("generic", true),
    /** The text is far over the soft length limit. */
    FAR_TOO_LONG("far-too-long", false);

    private final String code;
    private final boolean withholds;

    Code(String code, boolean withholds) {
      this.code = code;
      this.withholds = withholds;
    }

    /** The code in the API, the audit trail and the corpus files. */
    public String code() {
      return code;
    }

    /**
     * Whether the text must not stand as the item's text until a person approves it: it waits as a
     * proposal instead.
     */
    public boolean withholds() {
      return withholds;
    }
  }
}
