package io.agentfactory.sdk.repoconfig;

import io.agentfactory.sdk.internal.Copies;

/**
 * One {@code projectPaths} entry of a repository config: where the project lives in the repository
 * and how it is built. Written either as a bare path ({@code Family: apps/family}) or in full; fields
 * left empty inherit the repository's values (see {@link RepositoryConfig#project(String)}).
 *
 * @param path the project's root directory, relative to the repository root
 * @param packageManager the package manager; {@link PackageManager#UNSET} when not set
 * @param buildCommand the build command; {@code ""} when not set
 * @param testCommand the test command; {@code ""} when not set
 * @param validateCommand the validation command (replaces type checking for compiled projects); {@code ""} when not set
 */
public record ProjectConfig(
        String path,
        PackageManager packageManager,
        String buildCommand,
        String testCommand,
        String validateCommand) {

    /** Normalizes absent values: strings to {@code ""}, the package manager to {@link PackageManager#UNSET}. */
    public ProjectConfig {
        path = Copies.text(path);
        packageManager = packageManager == null ? PackageManager.UNSET : packageManager;
        buildCommand = Copies.text(buildCommand);
        testCommand = Copies.text(testCommand);
        validateCommand = Copies.text(validateCommand);
    }

    /** A project given as a bare path: nothing of its own beyond where it lives. */
    public static ProjectConfig atPath(String path) {
        return new ProjectConfig(path, PackageManager.UNSET, "", "", "");
    }

    /** This project with every empty field taken from the repository level. */
    ProjectConfig inheriting(RepositoryConfig repository) {
        return new ProjectConfig(
                path,
                packageManager.isUnset() ? repository.packageManager() : packageManager,
                buildCommand.isEmpty() ? repository.buildCommand() : buildCommand,
                testCommand.isEmpty() ? repository.testCommand() : testCommand,
                validateCommand.isEmpty() ? repository.validateCommand() : validateCommand);
    }
}
