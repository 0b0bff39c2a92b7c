package dev.glimpse.domain.document;

/** What a summarizer needs of a document: its text as of one version. */
public record DocumentText(
    String id, String title, String text, String sha256, long version, String language) {}
