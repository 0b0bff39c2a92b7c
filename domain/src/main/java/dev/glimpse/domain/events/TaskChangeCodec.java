package dev.glimpse.domain.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Task changes as JSON, the payload of the notifications between nodes. */
final class TaskChangeCodec {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private TaskChangeCodec() {}

  static String encode(TaskChange change) {
    try {
      return JSON.writeValueAsString(change);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a task change cannot be written as JSON", e);
    }
  }

  static TaskChange decode(String json) throws JsonProcessingException {
    return JSON.readValue(json, TaskChange.class);
  }
}
