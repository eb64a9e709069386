package io.agentfactory.sdk.reactor.logsignatures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.PatternSyntaxException;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.agentfactory.sdk.error.ConfigFileException;
import io.agentfactory.sdk.error.ConfigFileNotFoundException;
import io.agentfactory.sdk.error.MalformedYamlException;
import io.agentfactory.sdk.logsignatures.LogSignature;
import io.agentfactory.sdk.logsignatures.LogSignatureCatalog;
import io.agentfactory.sdk.logsignatures.PatternType;
import io.agentfactory.sdk.logsignatures.Severity;
import io.agentfactory.sdk.reactor.internal.configfile.ConfigFileText;
import io.agentfactory.sdk.reactor.internal.configfile.YamlDocument;
import io.agentfactory.sdk.reactor.internal.configfile.YamlNode;
import io.agentfactory.sdk.reactor.internal.configfile.YamlNode.Mapping;

/**
 * Reads a user log-signature catalog ({@code signatures: [{id, pattern, type, severity, title}]},
 * see {@link LogSignatureCatalog}) and returns it followed by the defaults, so that user signatures
 * take precedence. An empty file adds nothing; unknown keys are ignored.
 *
 * <p>Every error is a {@link ConfigFileException} naming the file and, where known, the line:
 * {@link ConfigFileNotFoundException} when an explicitly named file does not exist,
 * {@link MalformedYamlException} for YAML that cannot be read, and a plain
 * {@link ConfigFileException} for a signature without an id or pattern, or whose pattern is not a
 * valid {@link java.util.regex.Pattern} (the message names the signature's id).
 */
public final class LogSignatureCatalogLoader {

    private LogSignatureCatalogLoader() {
    }

    /**
     * Reads the user catalog at {@link LogSignatureCatalog#defaultUserFile()} on
     * {@link Schedulers#boundedElastic()}, when subscribed; the defaults alone when that file does not
     * exist.
     */
    public static Mono<LogSignatureCatalog> loadUserCatalog() {
        return Mono.fromCallable(LogSignatureCatalogLoader::loadUserCatalogBlocking).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Reads the user catalog at {@link LogSignatureCatalog#defaultUserFile()} on the calling thread;
     * the defaults alone when that file does not exist. Blocking file I/O.
     *
     * @throws ConfigFileException when the file exists but cannot be used
     */
    public static LogSignatureCatalog loadUserCatalogBlocking() {
        Path file = LogSignatureCatalog.defaultUserFile();
        return ConfigFileText.readIfExists(file)
                .map(text -> read(YamlDocument.parse(file.toString(), text)))
                .orElseGet(LogSignatureCatalog::defaults);
    }

    /**
     * Reads the user catalog at {@code file} on {@link Schedulers#boundedElastic()}, when subscribed.
     *
     * @return the user's signatures followed by the defaults, or an error as described in the class documentation
     */
    public static Mono<LogSignatureCatalog> load(Path file) {
        return Mono.fromCallable(() -> loadBlocking(file)).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Reads the user catalog at {@code file} on the calling thread. Blocking file I/O: never call it
     * on an event loop or another non-blocking thread.
     *
     * @return the user's signatures followed by the defaults
     * @throws ConfigFileException as described in the class documentation
     */
    public static LogSignatureCatalog loadBlocking(Path file) {
        String text = ConfigFileText.readIfExists(file)
                .orElseThrow(() -> new ConfigFileNotFoundException(file.toString(), "no log-signature catalog at " + file));
        return read(YamlDocument.parse(file.toString(), text));
    }

    private static LogSignatureCatalog read(YamlDocument yaml) {
        Optional<Mapping> root = yaml.rootMapping();
        if (root.isEmpty()) {
            return LogSignatureCatalog.defaults();
        }
        List<YamlNode> items = yaml.items(root.get(), "signatures");
        List<LogSignature> signatures = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            signatures.add(signature(yaml, items.get(i), "signatures[" + i + "]"));
        }
        return LogSignatureCatalog.defaults().precededBy(signatures);
    }

    private static LogSignature signature(YamlDocument yaml, YamlNode item, String where) {
        if (!(item instanceof Mapping fields)) {
            throw yaml.invalid(item.line(), where + " must be a mapping, not " + item.describe());
        }
        String id = yaml.text(fields, "id");
        if (id.isBlank()) {
            throw yaml.invalid(item.line(), where + " has no id");
        }
        String pattern = yaml.text(fields, "pattern");
        if (pattern.isEmpty()) {
            throw yaml.invalid(item.line(), "signature " + id + " has no pattern");
        }
        LogSignature signature = new LogSignature(
                id,
                pattern,
                PatternType.of(yaml.text(fields, "type")),
                Severity.of(yaml.text(fields, "severity")),
                yaml.text(fields, "title"));
        try {
            LinePattern.compile(pattern);
        }
        catch (PatternSyntaxException e) {
            int line = fields.get("pattern").map(entry -> entry.value().line()).orElse(item.line());
            throw yaml.invalid(line, LogSignatureMatcher.invalidPattern(signature, e));
        }
        return signature;
    }
}
