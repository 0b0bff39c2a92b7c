package dev.glimpse.gateway.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glimpse.gateway.Repair;
import java.util.EnumSet;
import java.util.Set;

/** A JSON object read from a model's answer, and what had to be mended to read it. */
public record SalvagedJson(ObjectNode object, Set<Repair> repairs) {

  public SalvagedJson {
    repairs = Set.copyOf(repairs);
  }

  /** The same object, with one more repair. */
  public SalvagedJson with(Repair repair) {
    Set<Repair> more = EnumSet.of(repair);
    more.addAll(repairs);
    return new SalvagedJson(object, more);
  }
}
