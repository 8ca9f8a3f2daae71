using Engage.Plugins.Demo.Sync;
using Engage.Plugins.Tests.Fakes;
using Engage.Sdk.Connectors;
using Engage.Sdk.Items;

namespace Engage.Plugins.Tests.Demo;

/// <summary>Runs the demo connector the way the host does: connect, then pull while it has more.</summary>
internal static class DemoSync
{
    /// <summary>A fixed "now" for the tests: a Wednesday afternoon.</summary>
    public static readonly DateTimeOffset Now = new(2025, 6, 18, 14, 37, 12, TimeSpan.Zero);

    public static async Task<IPullSession> ConnectAsync(TimeProvider time, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var session = await new DemoConnector().ConnectAsync(new FakeConnectorContext(time, settings), CancellationToken.None);
        return (IPullSession)session;
    }

    public static async Task<(List<SyncBatch> Batches, string Cursor)> PullAllAsync(IPullSession session, string? cursor = null)
    {
        var batches = new List<SyncBatch>();
        while (true)
        {
            var batch = await session.PullAsync(cursor, CancellationToken.None);
            batches.Add(batch);
            cursor = batch.NextCursor ?? cursor;
            if (!batch.HasMore)
            {
                return (batches, cursor!);
            }

            batches.Count.Should().BeLessThan(1000, "a sync must end");
        }
    }

    public static async Task<List<SyncBatch>> FirstSyncAsync(int? seed = null, string? activity = null)
    {
        var settings = new Dictionary<string, string?>();
        if (seed is { } s)
        {
            settings["seed"] = s.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (activity is not null)
        {
            settings["activity"] = activity;
        }

        var session = await ConnectAsync(new FakeTimeProvider(Now), settings);
        return (await PullAllAsync(session)).Batches;
    }
}
