package dev.glimpse.gateway;

import dev.glimpse.gateway.chat.ChatCall;
import dev.glimpse.gateway.chat.ChatModel;
import dev.glimpse.gateway.chat.ChatReply;
import dev.glimpse.gateway.chat.ServedCalls;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * A chat model that plays back scripted answers in turn, the last one to every later call, and
 * records the calls it got.
 */
final class ScriptedModel implements ChatModel {

  private final Deque<Supplier<ChatReply>> script = new ArrayDeque<>();
  final List<ChatCall> calls = new ArrayList<>();

  /** A model that answers every call with {@code content}, ending as {@code finish}. */
  static ScriptedModel replying(String content, ChatReply.Finish finish) {
    ScriptedModel model = new ScriptedModel();
    model.answers(() -> new ChatReply(content, null, finish, 1, 1, content));
    return model;
  }

  @SafeVarargs
  final void answers(Supplier<ChatReply>... replies) {
    script.addAll(List.of(replies));
  }

  @Override
  public String provider() {
    return "scripted";
  }

  @Override
  public String defaultVisionModel() {
    return "m";
  }

  @Override
  public String defaultTextModel() {
    return "m";
  }

  @Override
  public ChatReply chat(ChatCall call) {
    calls.add(call);
    ChatReply reply = script.size() > 1 ? script.removeFirst().get() : script.getFirst().get();
    ServedCalls.served();
    return reply;
  }
}
