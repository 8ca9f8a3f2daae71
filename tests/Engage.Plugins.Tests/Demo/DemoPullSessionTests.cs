using System.Text.Json;
using Engage.Plugins.Tests.Fakes;
using Engage.Sdk.Failures;
using Engage.Sdk.Items;

namespace Engage.Plugins.Tests.Demo;

public sealed class DemoPullSessionTests
{
    [Fact]
    public async Task PullAsync_SameSeedAndClock_ProducesIdenticalBatches()
    {
        var first = await DemoSync.FirstSyncAsync();
        var second = await DemoSync.FirstSyncAsync();

        second.Select(Json).Should().Equal(first.Select(Json));
    }

    [Fact]
    public async Task PullAsync_DifferentSeed_ProducesDifferentData()
    {
        var first = await DemoSync.FirstSyncAsync(seed: 42);
        var other = await DemoSync.FirstSyncAsync(seed: 7);

        var texts = first.SelectMany(b => b.Interactions).Select(i => $"{i.ExternalId}|{i.CreatedAt:O}|{i.Text}").ToHashSet();
        var otherTexts = other.SelectMany(b => b.Interactions).Select(i => $"{i.ExternalId}|{i.CreatedAt:O}|{i.Text}").ToList();
        otherTexts.Count(texts.Contains).Should().BeLessThan(otherTexts.Count / 10);
    }

    [Fact]
    public async Task PullAsync_FirstSync_CatchesUpInDailyBatchesAndStops()
    {
        var session = await DemoSync.ConnectAsync(new FakeTimeProvider(DemoSync.Now));

        var (batches, _) = await DemoSync.PullAllAsync(session);

        batches.Should().HaveCount(91, "90 whole days of history plus today so far");
        batches.Take(90).Should().OnlyContain(b => b.HasMore);
        batches[^1].HasMore.Should().BeFalse();
    }

    [Fact]
    public async Task PullAsync_CaughtUpWithoutTimePassing_ReturnsAnEmptyBatch()
    {
        var session = await DemoSync.ConnectAsync(new FakeTimeProvider(DemoSync.Now));
        var (_, cursor) = await DemoSync.PullAllAsync(session);

        var batch = await session.PullAsync(cursor, CancellationToken.None);

        batch.HasMore.Should().BeFalse();
        (batch.Posts.Count + batch.Interactions.Count + batch.AccountDailyStats.Count).Should().Be(0);
        batch.NextCursor.Should().Be(cursor);
    }

    [Fact]
    public async Task PullAsync_LaterPull_YieldsOnlyActivitySinceTheLastPull()
    {
        var clock = new FakeTimeProvider(DemoSync.Now);
        var session = await DemoSync.ConnectAsync(clock);
        var (batches, cursor) = await DemoSync.PullAllAsync(session);
        var seen = batches.SelectMany(b => b.Interactions).Select(i => i.ExternalId).ToHashSet();
        var newInteractions = 0;

        for (var step = 0; step < 24; step++)
        {
            var before = clock.GetUtcNow();
            clock.Advance(TimeSpan.FromMinutes(65));
            var (later, next) = await DemoSync.PullAllAsync(session, cursor);
            cursor = next;

            later.Should().ContainSingle("an hour fits in one window");
            var batch = later[0];
            batch.Interactions.Should().NotContain(i => i.CreatedAt <= before || i.CreatedAt > clock.GetUtcNow());
            batch.Interactions.Select(i => i.ExternalId).Should().NotIntersectWith(seen, "nothing is sent twice");
            seen.UnionWith(batch.Interactions.Select(i => i.ExternalId));
            batch.Posts.Should().NotContain(p => p.PublishedAt <= clock.GetUtcNow().AddDays(-7) || p.PublishedAt > clock.GetUtcNow());
            newInteractions += batch.Interactions.Count;
        }

        newInteractions.Should().BeGreaterThan(20, "a running demo keeps moving");
    }

    [Fact]
    public async Task PullAsync_FromAnOlderCursorWithTheSameClock_YieldsTheSameItems()
    {
        var session = await DemoSync.ConnectAsync(new FakeTimeProvider(DemoSync.Now));
        var cursors = new List<string?> { null };
        var batches = new List<SyncBatch>();
        string? cursor = null;
        do
        {
            var batch = await session.PullAsync(cursor, CancellationToken.None);
            batches.Add(batch);
            cursor = batch.NextCursor;
            cursors.Add(cursor);
        }
        while (batches[^1].HasMore);

        foreach (var index in new[] { 0, 1, 45, 89, 90 })
        {
            var again = await session.PullAsync(cursors[index], CancellationToken.None);
            Json(again).Should().Be(Json(batches[index]), $"batch {index} is a pure function of its cursor and the clock");
        }
    }

    [Fact]
    public async Task PullAsync_InSmallStepsOrAtOnce_GivesTheSameInteractions()
    {
        var stepped = new FakeTimeProvider(DemoSync.Now);
        var session = await DemoSync.ConnectAsync(stepped);
        var (all, cursor) = await DemoSync.PullAllAsync(session);
        for (var i = 0; i < 30; i++)
        {
            stepped.Advance(TimeSpan.FromMinutes(47));
            var (more, next) = await DemoSync.PullAllAsync(session, cursor);
            all.AddRange(more);
            cursor = next;
        }

        var atOnce = await DemoSync.ConnectAsync(new FakeTimeProvider(stepped.GetUtcNow()));
        var (direct, _) = await DemoSync.PullAllAsync(atOnce);

        var from = DemoSync.Now.AddDays(-80);
        Canonical(all, from).Should().Equal(Canonical(direct, from));
    }

    [Fact]
    public async Task PullAsync_UnreadableCursor_ThrowsAPermanentFailureThatSaysWhat()
    {
        var session = await DemoSync.ConnectAsync(new FakeTimeProvider(DemoSync.Now));

        foreach (var cursor in new[] { "not json", "{}", "{\"v\":1,\"anchor\":\"2025-13-01\",\"last\":\"x\"}", "{\"v\":9,\"anchor\":\"2025-01-01\",\"last\":\"2025-01-01T00:00:00.0000000Z\"}" })
        {
            var act = () => session.PullAsync(cursor, CancellationToken.None);

            var failure = (await act.Should().ThrowAsync<PluginException>()).Which;
            failure.Kind.Should().Be(PluginFailureKind.Permanent);
            failure.Message.Should().Contain("cannot read its sync cursor").And.Contain("Reset");
        }
    }

    [Fact]
    public async Task PullAsync_CancelledToken_StopsWithoutABatch()
    {
        var session = await DemoSync.ConnectAsync(new FakeTimeProvider(DemoSync.Now));
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var act = () => session.PullAsync(null, cancellation.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task PullAsync_TokenCancelledDuringASync_StopsPromptly()
    {
        var session = await DemoSync.ConnectAsync(new FakeTimeProvider(DemoSync.Now));
        using var cancellation = new CancellationTokenSource();
        string? cursor = null;
        var pulled = 0;

        var act = async () =>
        {
            while (true)
            {
                var batch = await session.PullAsync(cursor, cancellation.Token);
                cursor = batch.NextCursor;
                if (++pulled == 3)
                {
                    await cancellation.CancelAsync();
                }
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        pulled.Should().Be(3);
    }

    [Fact]
    public async Task PullAsync_Cursor_IsSmallJsonWithAnchorAndLastMoment()
    {
        var session = await DemoSync.ConnectAsync(new FakeTimeProvider(DemoSync.Now));

        var batch = await session.PullAsync(null, CancellationToken.None);

        batch.NextCursor.Should().Be("{\"v\":1,\"anchor\":\"2025-03-20\",\"last\":\"2025-03-21T00:00:00.0000000Z\"}");
    }

    private static string Json(SyncBatch batch) => JsonSerializer.Serialize(batch);

    private static List<string> Canonical(IEnumerable<SyncBatch> batches, DateTimeOffset from) =>
        batches.SelectMany(b => b.Interactions).Where(i => i.CreatedAt >= from)
            .Select(i => JsonSerializer.Serialize(i)).Order(StringComparer.Ordinal).ToList();
}
