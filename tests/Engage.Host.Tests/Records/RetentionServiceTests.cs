using Engage.Host.Ingestion;
using Engage.Host.Records.Retention;
using Engage.Host.Store;
using Engage.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Engage.Host.Tests.Records;

/// <summary>The background job as the server runs it: registered, on its configured interval, audited as the job.</summary>
public sealed class RetentionServiceTests
{
    [Fact]
    public async Task Server_WithRetentionPeriod_PurgesInTheBackground()
    {
        using var factory = new EngageAppFactory
        {
            Settings = { ["Engage:Demo:Enabled"] = "false", ["Engage:Retention:IntervalMinutes"] = "0.005" }, // every 0.3 s
        };
        using var client = factory.CreateAuthenticatedClient();
        (await client.GetAsync("/odata/Workspaces")).EnsureSuccessStatusCode();
        var database = factory.Services.GetRequiredService<EngageDatabase>();
        var workspace = await RecordsSamples.SeedAsync(database, factory.Services.GetRequiredService<BatchWriter>());
        await ScalarAsync(database, $"UPDATE Workspaces SET RetentionDays = 30 WHERE Id = {workspace}");

        // The samples are from March 2026, far past 30 days; the job runs every 0.3 s, so a minute is generous.
        var until = DateTime.UtcNow.AddSeconds(60);
        while (await ScalarAsync(database, $"SELECT COUNT(Text) FROM Interactions WHERE WorkspaceId = {workspace}") is not 0L && DateTime.UtcNow < until)
        {
            await Task.Delay(200);
        }

        (await ScalarAsync(database, $"SELECT COUNT(Text) FROM Interactions WHERE WorkspaceId = {workspace}")).Should().Be(0L);
        (await ScalarAsync(database, "SELECT Actor || ': ' || Action FROM AuditEvents WHERE Action = 'Retention.Purge'"))
            .Should().Be($"{RetentionService.Actor}: {RetentionPurger.Action}");
    }

    private static async Task<object?> ScalarAsync(EngageDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.Command(sql);
        return await command.ExecuteScalarAsync();
    }
}
