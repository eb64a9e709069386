package io.agentfactory.sdk.reactor.codeintel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.codeintel.TypeUsage;
import io.agentfactory.sdk.codeintel.TypeUsageKind;

class TypeUsageRulesTest {

    private final TypeUsageRules rules = new TypeUsageRules("AgentWorkType");

    private List<TypeUsage> scan(String path, String text) {
        return rules.scan(path, text);
    }

    private static TypeUsage usage(String path, int line, TypeUsageKind kind, String text) {
        return new TypeUsage(path, line, kind, text);
    }

    @Test
    void theReferenceFixtureGivesImportSwitchMappingAndAnnotation() {
        String src = """
                import type { AgentWorkType } from './types'

                function handleWork(work: AgentWorkType) {
                  switch (work.type) {
                    case 'development':
                      break
                  }
                }

                const workHandlers: Record<AgentWorkType, () => void> = {
                  development: () => {},
                }
                """;
        assertThat(scan("handler.ts", src)).containsExactly(
                usage("handler.ts", 1, TypeUsageKind.IMPORT, "import type { AgentWorkType } from './types'"),
                usage("handler.ts", 3, TypeUsageKind.TYPE_REFERENCE, "function handleWork(work: AgentWorkType) {"),
                usage("handler.ts", 4, TypeUsageKind.SWITCH_CASE, "switch (work.type) {"),
                usage("handler.ts", 10, TypeUsageKind.MAPPING_OBJECT, "const workHandlers: Record<AgentWorkType, () => void> = {"));
    }

    @Test
    void importWinsOverEveryOtherRuleOnTheSameLine() {
        assertThat(scan("a.ts", "import { x } from 'y'; switch (v) { case AgentWorkType.A: }\n"))
                .extracting(TypeUsage::kind).containsExactly(TypeUsageKind.IMPORT);
        assertThat(scan("a.ts", "import x from 'y'; const m: Record<AgentWorkType, number> = {}\n"))
                .extracting(TypeUsage::kind).containsExactly(TypeUsageKind.IMPORT);
    }

    @Test
    void anImportLineWithoutTheNameIsNoUsage() {
        assertThat(scan("a.ts", "import { Other } from './other'\nlet v: AgentWorkType\n"))
                .containsExactly(usage("a.ts", 2, TypeUsageKind.TYPE_REFERENCE, "let v: AgentWorkType"));
    }

    @Test
    void switchWinsOverMappingAndAnnotationOnItsLine() {
        assertThat(scan("a.ts", "switch (x as Record<AgentWorkType, number>) {}\n"))
                .extracting(TypeUsage::kind).containsExactly(TypeUsageKind.SWITCH_CASE);
    }

    @Test
    void aSwitchFindsTheNameUpToFiftyLinesAfter() {
        StringBuilder src = new StringBuilder("switch (v) {\n");
        for (int i = 0; i < 49; i++) {
            src.append("  case ").append(i).append(":\n");
        }
        src.append("  // AgentWorkType\n"); // line 51 = switch line + 50
        assertThat(scan("a.ts", src.toString())).extracting(TypeUsage::line, TypeUsage::kind)
                .startsWith(org.assertj.core.groups.Tuple.tuple(1, TypeUsageKind.SWITCH_CASE));
    }

    @Test
    void aSwitchDoesNotSeeTheName51LinesAfter() {
        StringBuilder src = new StringBuilder("switch (v) {\n");
        for (int i = 0; i < 50; i++) {
            src.append("  case ").append(i).append(":\n");
        }
        src.append("  // AgentWorkType\n"); // line 52 = switch line + 51
        assertThat(scan("a.ts", src.toString())).isEmpty();
    }

    @Test
    void aSwitchFindsTheNameUpToFiveLinesBeforeButNotSix() {
        String five = "// AgentWorkType\n\n\n\n\nswitch (v) {}\n";
        assertThat(scan("a.ts", five)).containsExactly(usage("a.ts", 6, TypeUsageKind.SWITCH_CASE, "switch (v) {}"));
        String six = "// AgentWorkType\n\n\n\n\n\nswitch (v) {}\n";
        assertThat(scan("a.ts", six)).isEmpty();
    }

    @Test
    void aSwitchLineWithoutTheNameNearbyIsNoUsageEvenIfItWouldMatchLaterRules() {
        // The exhaustive rule would match this line, but the switch rule claims it first.
        String src = "// AgentWorkType\n" + "\n".repeat(60) + "switch (exhaustive) {}\n";
        assertThat(scan("a.ts", src)).isEmpty();
    }

    @Test
    void satisfiesRecordIsAMappingObject() {
        assertThat(scan("a.ts", "const labels = {} satisfies Record< AgentWorkType, string>\n"))
                .extracting(TypeUsage::kind).containsExactly(TypeUsageKind.MAPPING_OBJECT);
    }

    @Test
    void mappingWinsOverExhaustiveAndAnnotation() {
        assertThat(scan("a.ts", "const exhaustive: Record<AgentWorkType, 1> = {}\n"))
                .extracting(TypeUsage::kind).containsExactly(TypeUsageKind.MAPPING_OBJECT);
    }

    @Test
    void anyAssertNeverOrExhaustiveLineInAFileWithTheNameIsAnExhaustiveCheck() {
        String src = """
                let v: AgentWorkType
                default: assertNever(v)
                // exhaustive
                """;
        assertThat(scan("a.ts", src)).containsExactly(
                usage("a.ts", 1, TypeUsageKind.TYPE_REFERENCE, "let v: AgentWorkType"),
                usage("a.ts", 2, TypeUsageKind.EXHAUSTIVE_CHECK, "default: assertNever(v)"),
                usage("a.ts", 3, TypeUsageKind.EXHAUSTIVE_CHECK, "// exhaustive"));
    }

    @Test
    void exhaustiveWinsOverAnAnnotation() {
        assertThat(scan("a.ts", "function exhaustive(v: AgentWorkType) {}\n"))
                .extracting(TypeUsage::kind).containsExactly(TypeUsageKind.EXHAUSTIVE_CHECK);
    }

    @Test
    void typeInterfaceAndColonAnnotationsAreTypeReferences() {
        String src = "export type AgentWorkType = 'a' | 'b'\ninterface AgentWorkTypeMap {}\nfn(x:AgentWorkType)\n";
        assertThat(scan("a.ts", src)).extracting(TypeUsage::line, TypeUsage::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, TypeUsageKind.TYPE_REFERENCE),
                org.assertj.core.groups.Tuple.tuple(2, TypeUsageKind.TYPE_REFERENCE),
                org.assertj.core.groups.Tuple.tuple(3, TypeUsageKind.TYPE_REFERENCE));
    }

    @Test
    void colonAnnotationNeedsAWordBoundaryButTypePrefixDoesNot() {
        assertThat(scan("a.ts", "let a: AgentWorkTypeX\n")).isEmpty();
        assertThat(scan("a.ts", "type AgentWorkTypeX = 1\n")).extracting(TypeUsage::kind)
                .containsExactly(TypeUsageKind.TYPE_REFERENCE);
    }

    @Test
    void theNameInACommentOrStringStillCountsAsInTheReference() {
        String src = "// see: AgentWorkType\nconst s = \"type AgentWorkType\"\n";
        assertThat(scan("a.ts", src)).extracting(TypeUsage::line, TypeUsage::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, TypeUsageKind.TYPE_REFERENCE),
                org.assertj.core.groups.Tuple.tuple(2, TypeUsageKind.TYPE_REFERENCE));
    }

    @Test
    void aBareMentionIsNoUsage() {
        assertThat(scan("a.ts", "const x = AgentWorkType.A\n")).isEmpty();
    }

    @Test
    void aFileWithoutTheNameGivesNothingEvenWithExhaustiveLines() {
        assertThat(scan("a.ts", "assertNever(x)\nswitch (y) {}\n")).isEmpty();
    }

    @Test
    void javaSwitchImportAndEnumMapAndDeclarations() {
        String src = """
                import com.acme.AgentWorkType;
                enum AgentWorkType { A, B }
                record AgentWorkType(int x) {}
                class Handler {
                    Map<AgentWorkType, String> names = new EnumMap<AgentWorkType, String>(AgentWorkType.class);
                    String name(AgentWorkType t) {
                        switch (t) {
                            case A: return "a";
                        }
                        return "";
                    }
                }
                """;
        assertThat(scan("src/Handler.java", src)).extracting(TypeUsage::line, TypeUsage::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, TypeUsageKind.IMPORT),
                org.assertj.core.groups.Tuple.tuple(2, TypeUsageKind.TYPE_REFERENCE),
                org.assertj.core.groups.Tuple.tuple(3, TypeUsageKind.TYPE_REFERENCE),
                org.assertj.core.groups.Tuple.tuple(5, TypeUsageKind.MAPPING_OBJECT),
                org.assertj.core.groups.Tuple.tuple(7, TypeUsageKind.SWITCH_CASE));
    }

    @Test
    void jvmExtensionsDoNotApplyToTypeScript() {
        assertThat(scan("a.ts", "class AgentWorkType {}\nconst m = new EnumMap<AgentWorkType, 1>()\n")).isEmpty();
    }

    @Test
    void kotlinWhenIsASwitchAndObjectAndColonAreTypeReferences() {
        String src = """
                object AgentWorkType
                fun label(t: AgentWorkType): String = when (t) {
                    else -> ""
                }
                fun other(x: Int) = when (x) { else -> 0 }
                """;
        assertThat(scan("Labels.kt", src)).extracting(TypeUsage::line, TypeUsage::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, TypeUsageKind.TYPE_REFERENCE),
                org.assertj.core.groups.Tuple.tuple(2, TypeUsageKind.SWITCH_CASE),
                org.assertj.core.groups.Tuple.tuple(5, TypeUsageKind.SWITCH_CASE));
        // `when (` is only a switch in Kotlin files.
        assertThat(scan("a.ts", "let t: AgentWorkType\nwhen (t)\n")).extracting(TypeUsage::kind)
                .containsExactly(TypeUsageKind.TYPE_REFERENCE);
    }

    @Test
    void lineTextIsTrimmedAndCut() {
        String longTail = "x".repeat(1000);
        List<TypeUsage> usages = scan("a.ts", "\t  let v: AgentWorkType = " + longTail + "  \r\n");
        assertThat(usages).hasSize(1);
        assertThat(usages.get(0).lineText()).hasSize(TypeUsage.MAX_LINE_TEXT).startsWith("let v: AgentWorkType = xxx");
    }

    @Test
    void aHostileTenMegabyteLineIsMatchedOnItsHeadOnly() {
        String head = "let v: AgentWorkType; ";
        String huge = head + ": ".repeat(5 * 1024 * 1024) + "AgentWorkType";
        List<TypeUsage> usages = scan("a.ts", huge + "\nswitch (v) {}\n");
        assertThat(usages).extracting(TypeUsage::line, TypeUsage::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, TypeUsageKind.TYPE_REFERENCE),
                org.assertj.core.groups.Tuple.tuple(2, TypeUsageKind.SWITCH_CASE));
        assertThat(usages.get(0).lineText()).hasSize(TypeUsage.MAX_LINE_TEXT).startsWith(head);
        // Beyond the matched head the name is not seen.
        String hidden = "x".repeat(TypeUsageRules.MAX_MATCHED_CHARS) + ": AgentWorkType";
        assertThat(scan("a.ts", hidden)).isEmpty();
    }
}
