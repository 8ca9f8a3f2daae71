namespace Engage.Benchmarks;

/// <summary>
/// (d) The first-page query a1 as a key scoped to one workspace sends them: the engine adds the host's row scope
/// (<c>"WorkspaceId" IN (@ws0)</c>) to every statement; the direct query carries the same predicate, so the ratio is the
/// cost of the engine with isolation on, not of the smaller result.
/// </summary>
internal static class ScopedKeyScenario
{
    private const long Workspace = 3;

    public static async Task RunAsync(string databasePath, DirectReader direct, BenchmarkOptions options, TextWriter output)
    {
        await using var service = await InteractionService.StartAsync(databasePath, workspaces: [Workspace]);
        var engine = new EngineReader(service.Client);
        await FirstPageScenario.RunOneAsync(
            "d1 scoped key (workspace 3): Kind eq 'Comment' and CreatedDate ge 2026-01-01, orderby CreatedAt desc, top 100",
            "Interactions?$filter=Kind eq 'Comment' and CreatedDate ge 2026-01-01&$orderby=CreatedAt desc&$top=100",
            $"SELECT {DirectReader.Columns} FROM \"Interactions\" WHERE (\"WorkspaceId\" IN (@w)) AND ((\"Kind\" = @k) AND (\"CreatedDate\" >= @d)) ORDER BY \"CreatedAt\" DESC, \"Id\" ASC LIMIT 100 OFFSET 0",
            [("@w", Workspace), ("@k", "Comment"), ("@d", "2026-01-01")],
            engine, direct, options, output);
    }
}
