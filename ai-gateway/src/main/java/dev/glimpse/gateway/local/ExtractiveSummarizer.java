package dev.glimpse.gateway.local;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Picks the most central sentences of a text: each sentence is a TF-IDF vector of its words, its
 * centrality the sum of its cosine similarities to all others. Deterministic: ties go to the
 * earlier sentence.
 */
final class ExtractiveSummarizer {

  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{Nd}'-]*");
  private static final int MIN_WORDS = 4;
  private static final int MAX_SENTENCE_CHARS = 400;

  private ExtractiveSummarizer() {}

  /** The {@code count} most central sentences, in the order they appear in the text. */
  static List<String> centralSentences(String text, Locale locale, int count) {
    List<String> sentences = sentences(text, locale);
    if (sentences.size() <= count) {
      return sentences;
    }
    List<Map<String, Double>> vectors = tfIdf(sentences, locale);
    double[] centrality = new double[sentences.size()];
    for (int i = 0; i < sentences.size(); i++) {
      for (int j = i + 1; j < sentences.size(); j++) {
        double similarity = cosine(vectors.get(i), vectors.get(j));
        centrality[i] += similarity;
        centrality[j] += similarity;
      }
    }
    return IntStream.range(0, sentences.size())
        .boxed()
        .sorted(
            Comparator.comparingDouble((Integer i) -> centrality[i])
                .reversed()
                .thenComparing(Comparator.naturalOrder()))
        .limit(count)
        .sorted()
        .map(sentences::get)
        .collect(Collectors.toList());
  }

  /** The text's sentences with at least a few words, whitespace collapsed, long ones cut. */
  static List<String> sentences(String text, Locale locale) {
    BreakIterator boundaries = BreakIterator.getSentenceInstance(locale);
    boundaries.setText(text);
    List<String> sentences = new ArrayList<>();
    for (int start = boundaries.first(), end = boundaries.next();
        end != BreakIterator.DONE;
        start = end, end = boundaries.next()) {
      String sentence = text.substring(start, end).replaceAll("\\s+", " ").strip();
      if (words(sentence, locale).size() >= MIN_WORDS) {
        sentences.add(
            sentence.length() > MAX_SENTENCE_CHARS
                ? sentence.substring(0, MAX_SENTENCE_CHARS - 1).strip() + "…"
                : sentence);
      }
    }
    return sentences;
  }

  private static List<Map<String, Double>> tfIdf(List<String> sentences, Locale locale) {
    List<Map<String, Integer>> counts = new ArrayList<>();
    Map<String, Integer> documentFrequency = new HashMap<>();
    for (String sentence : sentences) {
      Map<String, Integer> termCounts = new HashMap<>();
      for (String word : words(sentence, locale)) {
        termCounts.merge(word, 1, Integer::sum);
      }
      counts.add(termCounts);
      termCounts.keySet().forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
    }
    int n = sentences.size();
    List<Map<String, Double>> vectors = new ArrayList<>();
    for (Map<String, Integer> termCounts : counts) {
      Map<String, Double> vector = new HashMap<>();
      termCounts.forEach(
          (term, count) ->
              vector.put(term, count * Math.log((double) n / documentFrequency.get(term))));
      vectors.add(vector);
    }
    return vectors;
  }

  private static double cosine(Map<String, Double> a, Map<String, Double> b) {
    Set<String> shared = new HashSet<>(a.keySet());
    shared.retainAll(b.keySet());
    double dot = 0;
    for (String term : shared) {
      dot += a.get(term) * b.get(term);
    }
    double norms = norm(a) * norm(b);
    return norms == 0 ? 0 : dot / norms;
  }

  private static double norm(Map<String, Double> vector) {
    double sum = 0;
    for (double value : vector.values()) {
      sum += value * value;
    }
    return Math.sqrt(sum);
  }

  private static List<String> words(String sentence, Locale locale) {
    List<String> words = new ArrayList<>();
    Matcher matcher = WORD.matcher(sentence);
    while (matcher.find()) {
      words.add(matcher.group().toLowerCase(locale));
    }
    return words;
  }
}
