package dev.glimpse.domain.review;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the pipeline knows about one AI result that bears on whether a person should check it.
 *
 * @param text the result's text, or null when the model gave none (a refusal)
 * @param labels the result's labels (images), empty for summaries
 * @param language the language that was asked for (BCP 47)
 * @param refusal the refusal or "cannot see" the model answered with, or null
 * @param flags what a person must see about an otherwise valid result: concern codes (the codes of
 *     {@link TriageReason}s) with the sentence that says what was found
 * @param repairCall whether a second call had to send the model its validation error
 * @param salvaged whether the JSON had to be mended or dug out of chatter
 * @param localProvider whether the in-process provider made it, without a model
 * @param confidence the model's own confidence from 0 to 1, or null when it gave none
 */
public record TriageSignals(
    String text,
    List<String> labels,
    String language,
    String refusal,
    Map<String, String> flags,
    boolean repairCall,
    boolean salvaged,
    boolean localProvider,
    Double confidence) {

  public TriageSignals {
    labels = labels == null ? List.of() : List.copyOf(labels);
    flags = flags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(flags));
  }
}
