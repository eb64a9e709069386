package io.agentfactory.sdk.examples.bench;

/**
 * How big the code-intelligence benchmark is: {@link #full()} for the documented run,
 * {@link #smoke()} for the test that keeps it from rotting.
 *
 * @param mode {@code full} or {@code smoke}
 * @param repositoryPrefix the part of the repository scored ({@code ""}: all of it)
 * @param findSymbolCases find-symbol cases per language and tree, at most
 * @param usageCases locate-usage cases per language and tree, at most
 * @param dedupBodies renamed-body positives per language and tree, at most
 * @param dedupFiles renamed-file positives per language and tree, at most
 * @param dedupNegatives negatives per language and tree, at most
 * @param treeFiles files of the generated speed tree
 * @param coldRounds cold index builds
 * @param refreshRounds one-file-edit refreshes
 * @param reopenRounds reopens of the persisted index
 * @param queryRounds rounds of warm queries
 * @param queriesPerType queries of each type per round
 */
record CodeIntelSettings(String mode, String repositoryPrefix, int findSymbolCases, int usageCases, int dedupBodies,
        int dedupFiles, int dedupNegatives, int treeFiles, int coldRounds, int refreshRounds, int reopenRounds,
        int queryRounds, int queriesPerType) {

    /** The documented run. */
    static CodeIntelSettings full() {
        return new CodeIntelSettings("full", "", 200, 40, 40, 20, 40, 5_000, 5, 10, 5, 5, 200);
    }

    /** Tiny sizes: seconds, for the smoke test. */
    static CodeIntelSettings smoke() {
        return new CodeIntelSettings("smoke", "sdk-api/src/main/java/io/agentfactory/sdk/codeintel/", 8, 3, 3, 2, 3,
                200, 1, 2, 1, 1, 10);
    }

    /** The settings named {@code mode}. */
    static CodeIntelSettings of(String mode) {
        return switch (mode) {
            case "full" -> full();
            case "smoke" -> smoke();
            default -> throw new IllegalArgumentException("mode must be full or smoke: " + mode);
        };
    }
}
