package dev.glimpse.gateway.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glimpse.gateway.Repair;
import java.util.Set;

/** A JSON object read from a model's answer, and what had to be mended to read it. */
public record SalvagedJson(ObjectNode object, Set<Repair> repairs) {

  public SalvagedJson {
    repairs = Set.copyOf(repairs);
  }
}
