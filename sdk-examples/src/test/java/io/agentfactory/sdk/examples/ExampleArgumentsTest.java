package io.agentfactory.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** The examples' flags, as a shell and as {@code -Ddemo.args} deliver them. */
class ExampleArgumentsTest {

    @Test
    void flagsTakeTheirValueAsTheNextArgumentOrAfterAnEqualsSign() {
        ExampleArguments arguments = ExampleArguments.parse("--session", "sess_1", "--events=3");

        assertThat(arguments.value("session")).hasValue("sess_1");
        assertThat(arguments.number("events", 5)).isEqualTo(3);
    }

    @Test
    void theSingleArgumentMavenPassesForDemoArgsIsSplitIntoFlags() {
        ExampleArguments arguments = ExampleArguments.parse("--session sess_1 --entries 50000 --allow-changes");

        assertThat(arguments.value("session")).hasValue("sess_1");
        assertThat(arguments.number("entries", 0)).isEqualTo(50_000);
        assertThat(arguments.has("allow-changes")).isTrue();
    }

    @Test
    void blankArgumentsAreIgnored() {
        ExampleArguments arguments = ExampleArguments.parse("", "  ");

        assertThat(arguments.has("simulator")).isFalse();
        assertThat(arguments.value("session")).isEmpty();
    }

    @Test
    void aValueHoldingSpacesIsKeptWhole() {
        ExampleArguments arguments = ExampleArguments.parse("--daemon-yaml", "/tmp/my configs/daemon.yaml");

        assertThat(arguments.value("daemon-yaml")).hasValue("/tmp/my configs/daemon.yaml");
    }

    @Test
    void numbersMayBeGroupedWithUnderscoresOrCommas() {
        assertThat(ExampleArguments.parse("--entries", "1_000_000").number("entries", 0)).isEqualTo(1_000_000);
        assertThat(ExampleArguments.parse("--entries=1,000,000").number("entries", 0)).isEqualTo(1_000_000);
        assertThat(ExampleArguments.none().number("entries", 42)).isEqualTo(42);
    }

    @Test
    void aNumberFlagWithTextIsRefusedNamingTheFlag() {
        ExampleArguments arguments = ExampleArguments.parse("--events", "many");

        assertThatIllegalArgumentException().isThrownBy(() -> arguments.number("events", 5))
                .withMessage("--events must be a whole number: 'many'");
    }

    @Test
    void anUnknownFlagIsRefusedListingTheKnownOnes() {
        assertThatIllegalArgumentException().isThrownBy(() -> ExampleArguments.parse("--sesion", "x"))
                .withMessageStartingWith("unknown flag --sesion; known: --allow-changes, --archive-a,");
    }

    @Test
    void aFlagWithoutItsValueIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> ExampleArguments.parse("--token"))
                .withMessage("--token needs a value");
    }

    @Test
    void aStrayValueIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> ExampleArguments.parse("http://127.0.0.1:7734"))
                .withMessageStartingWith("unexpected argument 'http://127.0.0.1:7734'");
    }

    @Test
    void tokensNeverAppearInToString() {
        ExampleArguments arguments = ExampleArguments.parse("--token", "rsk_secret", "--control-token=ctl_secret",
                "--session", "s1");

        assertThat(arguments.toString()).doesNotContain("rsk_secret", "ctl_secret").contains("token=REDACTED", "session=s1");
    }
}
