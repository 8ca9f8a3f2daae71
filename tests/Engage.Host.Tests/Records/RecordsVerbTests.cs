using Engage.Host.Ingestion;
using Engage.Host.Tests.Backup;

namespace Engage.Host.Tests.Records;

/// <summary>The <c>archive</c> and <c>retention run</c> verbs, run as the command line runs them.</summary>
public sealed class RecordsVerbTests
{
    [Fact]
    public async Task Archive_Verb_WritesAFolderMatchingItsManifest()
    {
        using var scene = await BackupScene.CreateAsync();
        var workspace = await RecordsSamples.SeedAsync(scene.Database, new BatchWriter(scene.Database, TimeProvider.System));

        var result = await scene.RunAsync("archive", "--workspace", $"{workspace}", "--from", RecordsSamples.From, "--to", RecordsSamples.To, "--out", "exports");

        result.ExitCode.Should().Be(0, result.Error);
        var folder = Directory.GetDirectories(scene.Combine("exports")).Should().ContainSingle().Subject;
        Path.GetFileName(folder).Should().StartWith($"engage-archive-{workspace}-2026-03-01-2026-03-31-");
        var package = ArchivePackage.FromFolder(folder);
        package.ShouldMatchManifest();
        package.Rows("interactions.jsonl").Select(r => r.GetProperty("Text").GetString()).Should().Equal(RecordsSamples.Persian, RecordsSamples.Hebrew, RecordsSamples.Emoji);
        result.Output.Should().Contain("interactions.jsonl").And.Contain(package.FileEntry("interactions.jsonl").GetProperty("sha256").GetString());
        (await AuditActionsAsync(scene)).Should().Equal("Archive.Export");
    }

    [Theory]
    [InlineData("archive --from 2026-03-01 --to 2026-03-31", "archive needs --workspace <id>")]
    [InlineData("archive --workspace x --from 2026-03-01 --to 2026-03-31", "archive needs --workspace <id>")]
    [InlineData("archive --workspace 1 --to 2026-03-31", "--from is required")]
    [InlineData("archive --workspace 1 --from 2026-03-01 --to 2026/03/31", "--to must be a date as YYYY-MM-DD")]
    [InlineData("archive --workspace 1 --from 2026-03-01 --to 2026-03-31 somewhere", "use --out <folder>")]
    [InlineData("retention", "retention takes one subcommand: run")]
    [InlineData("retention run now", "retention takes one subcommand: run")]
    public async Task Verbs_WrongArguments_ExitTwoSayingWhatToFix(string commandLine, string message)
    {
        using var scene = await BackupScene.CreateAsync();

        var result = await scene.RunAsync(commandLine.Split(' '));

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain(message).And.Contain("Usage:");
    }

    [Fact]
    public async Task Archive_UnknownWorkspace_ExitsOne()
    {
        using var scene = await BackupScene.CreateAsync();

        var result = await scene.RunAsync("archive", "--workspace", "42", "--from", "2026-03-01", "--to", "2026-03-31");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("There is no workspace 42");
    }

    [Fact]
    public async Task Retention_Verb_PurgesAndPrintsPerWorkspace()
    {
        using var scene = await BackupScene.CreateAsync();
        var writer = new BatchWriter(scene.Database, TimeProvider.System);
        var purged = await RecordsSamples.SeedAsync(scene.Database, writer, "Purged");
        var held = await RecordsSamples.SeedAsync(scene.Database, writer, "Held");
        await ExecuteAsync(scene, $"UPDATE Workspaces SET RetentionDays = 30 WHERE Id IN ({purged}, {held}); UPDATE Workspaces SET LegalHold = 1 WHERE Id = {held}");

        var result = await scene.RunAsync("retention", "run");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain($"Workspace {purged} (Purged): purged the text of 4 interactions created before")
            .And.Contain($"Workspace {held} (Held): under legal hold, retention suspended")
            .And.Contain("Retention pass done: 4 interaction texts purged in 1 of 2 workspaces.");
        (await AuditActionsAsync(scene)).Should().Equal("Retention.Purge");
    }

    private static async Task<List<string>> AuditActionsAsync(BackupScene scene)
    {
        await using var connection = await scene.Database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Action FROM AuditEvents ORDER BY Id";
        await using var reader = await command.ExecuteReaderAsync();
        var actions = new List<string>();
        while (await reader.ReadAsync())
        {
            actions.Add(reader.GetString(0));
        }

        return actions;
    }

    private static async Task ExecuteAsync(BackupScene scene, string sql)
    {
        await using var connection = await scene.Database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
