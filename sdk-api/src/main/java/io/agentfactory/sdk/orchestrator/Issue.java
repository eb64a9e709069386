package io.agentfactory.sdk.orchestrator;

import java.util.List;

import io.agentfactory.sdk.internal.Copies;

/**
 * A tracker issue, as an {@link IssueSource} gives it.
 *
 * @param id the tracker's id (Linear: a UUID); never blank
 * @param identifier the human identifier ({@code ENG-42}); {@code ""} when the tracker has none
 * @param title the title
 * @param description the description (Markdown), {@code ""} when none
 * @param url the issue's web address, {@code ""} when unknown
 * @param project the project's name, {@code ""} when the issue belongs to none
 * @param state the workflow state's name ({@code Backlog}), {@code ""} when unknown
 * @param labels the label names, in the tracker's order
 */
public record Issue(String id, String identifier, String title, String description, String url, String project,
        String state, List<String> labels) {

    /**
     * Normalizes absent values; copies the labels.
     *
     * @throws IllegalArgumentException when the id is blank
     */
    public Issue {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("issue id must not be blank");
        }
        identifier = Copies.text(identifier);
        title = Copies.text(title);
        description = Copies.text(description);
        url = Copies.text(url);
        project = Copies.text(project);
        state = Copies.text(state);
        labels = Copies.list(labels);
    }

    /** An issue with only an id, identifier, title and project. */
    public static Issue of(String id, String identifier, String title, String project) {
        return new Issue(id, identifier, title, "", "", project, "", List.of());
    }

    /** The identifier, or the id when there is none: how the issue is named in logs and summaries. */
    public String displayName() {
        return identifier.isEmpty() ? id : identifier;
    }
}
