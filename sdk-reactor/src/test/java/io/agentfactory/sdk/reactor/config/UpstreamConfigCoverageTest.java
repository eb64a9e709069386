package io.agentfactory.sdk.reactor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Member;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The checked-in map of the newer upstream daemon.yaml / control-token surface
 * ({@code sdk-api/src/test/resources/spec/upstream-config-map.properties}) is complete and true:
 * every upstream symbol read is listed, and every Java counterpart it names exists (class,
 * method, field or record component). A rename or a removal fails the build.
 */
class UpstreamConfigCoverageTest {

    private static final Path MAP = Path.of("..", "sdk-api", "src", "test", "resources", "spec",
            "upstream-config-map.properties");

    /** The upstream names read (afclient/daemon_config.go, control_token.go); each must be mapped. */
    private static final Set<String> UPSTREAM = Set.of(
            "type.DaemonYAML", "type.ProjectEntry", "type.RepositoryEntry", "type.CapacityConfig",
            "type.RepoKeeperYAML", "type.CredentialHelper", "type.CredentialHelperKind", "type.CloneStrategy",
            "type.capacityWriteIntent",
            "const.ProjectAdmissionVersionV2", "const.ProjectAdmissionModeEnumerated",
            "const.ProjectAdmissionModeAllRouted", "const.WorkareaMaxDiskGbKey", "const.LegacyWorkareaMaxDiskGbKey",
            "const.ControlTokenEnv", "const.ControlTokenFileEnv", "const.ControlTokenFileName",
            "field.DaemonYAML.projectAdmissionVersion", "field.DaemonYAML.enabledProjectIds",
            "field.DaemonYAML.projectAdmissionMode", "field.DaemonYAML.repositories", "field.DaemonYAML.repoKeeper",
            "field.RepositoryEntry.id", "field.RepositoryEntry.pathId", "field.RepositoryEntry.projectId",
            "field.RepositoryEntry.source", "field.RepositoryEntry.primary", "field.RepositoryEntry.credentialHelper",
            "field.RepoKeeperYAML.enabled", "field.RepoKeeperYAML.maxDiskGb", "field.RepoKeeperYAML.fetchIntervalSeconds",
            "field.RepoKeeperYAML.authorizationWindowSeconds", "field.CapacityConfig.workareaMaxDiskGb",
            "func.DefaultDaemonYAMLPath", "func.ReadDaemonYAML", "func.WriteDaemonYAML",
            "func.WriteDaemonYAMLWithCapacity", "func.NormalizeProjectAdmissionMode", "func.DeriveProjectID",
            "func.deriveRepositoryID", "func.normalizeRepositoryEntrySource", "func.ProjectEntry.UnmarshalYAML",
            "func.CapacityConfig.UnmarshalYAML", "func.DaemonYAML.FindProject", "func.DaemonYAML.FindRepository",
            "func.DaemonYAML.RepositoryProjectEntries", "func.DaemonYAML.AddOrUpdateProject",
            "func.DaemonYAML.SetRepositoryCredentialHelper", "func.DaemonYAML.RemoveProject",
            "func.DaemonYAML.EnableProject", "func.DaemonYAML.DisableProject", "func.DaemonYAML.SetProjectAdmissionMode",
            "func.DaemonYAML.EffectiveProjectAdmissionMode", "func.DaemonYAML.AdmitsAnyRoutedProject",
            "func.DaemonYAML.IsProjectEnabled", "func.DaemonYAML.migrateProjectAdmissionV2", "func.LoadControlToken",
            "func.EnsureControlToken", "func.DaemonConfig.ControlToken");

    @Test
    void everyUpstreamSymbolIsMapped() throws IOException {
        Set<String> missing = new TreeSet<>(UPSTREAM);
        missing.removeAll(load().stringPropertyNames());

        assertThat(missing).as("upstream symbols without a Java counterpart in " + MAP).isEmpty();
    }

    @Test
    void everyJavaCounterpartExists() throws IOException {
        Properties map = load();
        List<String> broken = new ArrayList<>();
        for (String key : new TreeSet<>(map.stringPropertyNames())) {
            String target = map.getProperty(key).split("\\|", 2)[0].strip();
            if (!resolves(target)) {
                broken.add(key + " = " + target);
            }
        }

        assertThat(broken).as("map entries whose Java counterpart does not exist").isEmpty();
    }

    @Test
    void theMapNamesTheUpstreamCommitsItWasReadFrom() throws IOException {
        String text = Files.readString(MAP);

        assertThat(text).contains("RenseiAI/donmai", "6f526deeb05c35d788e565bad647b1b662b73ba0",
                "5039def1ab40d6b4577d150d4bfb4da5a2ab89bc", "c8c116cc6de34447614bbd71b9c3475b07fe4377");
    }

    private static boolean resolves(String target) {
        String[] parts = target.split("#", 2);
        Class<?> type;
        try {
            type = Class.forName("io.agentfactory.sdk." + parts[0]);
        }
        catch (ClassNotFoundException e) {
            return false;
        }
        if (parts.length == 1) {
            return true;
        }
        String member = parts[1];
        Stream<String> names = Stream.of(
                Arrays.stream(type.getMethods()).map(Member::getName),
                Arrays.stream(type.getFields()).map(Member::getName),
                type.isRecord() ? Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                        : Stream.<String>empty(),
                type.isEnum() ? Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                        : Stream.<String>empty())
                .flatMap(s -> s);
        return names.anyMatch(member::equals);
    }

    private static Properties load() throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(MAP, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
