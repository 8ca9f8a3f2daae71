using Engage.Sdk.Connectors;
using Engage.Sdk.Failures;
using Engage.Sdk.Items;
using Engage.Sdk.Testing.Sync;

namespace Engage.Plugins.Mastodon.Tests.Kit;

/// <summary>The test kit's pull driver behaves like the host: cursors committed with batches, failures keep what was committed.</summary>
public sealed class PullDriverTests
{
    [Fact]
    public async Task RunAsync_FailureHalfway_KeepsTheCommittedCursorAndResumesFromIt()
    {
        var session = new Numbered(total: 5) { FailAt = 3 };
        var cursors = new InMemoryCursorStore();
        var items = new InMemoryItemStore();

        var failed = await PullDriver.RunAsync(session, cursors, items);
        var resumed = await PullDriver.RunAsync(session, cursors, items);

        failed.Failure.Should().BeOfType<PluginException>();
        failed.Batches.Should().HaveCount(3);
        cursors.History.Should().Equal(null, "1", "2", "3", "4", "5");
        session.Asked.Should().Equal(null, "1", "2", "3", "3", "4");
        resumed.Completed.Should().BeTrue();
        items.Posts.Keys.Should().BeEquivalentTo("p0", "p1", "p2", "p3", "p4");
    }

    [Fact]
    public async Task RunAsync_MoreAnnouncedButNothingMoved_StopsLikeTheHost()
    {
        var run = await PullDriver.RunAsync(new Stuck(), new InMemoryCursorStore("c"));

        run.Completed.Should().BeFalse();
        run.Failure!.Message.Should().Contain("kept its cursor");
    }

    [Fact]
    public async Task RunAsync_BatchLimit_StopsWithoutFailure_CursorAtTheLastBatch()
    {
        var cursors = new InMemoryCursorStore();

        var run = await PullDriver.RunAsync(new Numbered(total: 10), cursors, maxBatches: 4);

        run.Completed.Should().BeFalse();
        run.Failure.Should().BeNull();
        cursors.Current.Should().Be("4");
    }

    [Fact]
    public void Snapshot_SameItemsUpsertedTwice_LastWins()
    {
        var store = new InMemoryItemStore();
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        store.Store(new SyncBatch { Posts = [new PostItem("p", "a", at) { Likes = 1 }] });
        store.Store(new SyncBatch { Posts = [new PostItem("p", "a", at) { Likes = 2 }] });

        store.Snapshot().Should().ContainSingle().Which.Should().Contain("Likes = 2");
    }

    private sealed class Numbered(int total) : IPullSession
    {
        public int? FailAt { get; set; }

        public List<string?> Asked { get; } = [];

        public Task<SyncBatch> PullAsync(string? cursor, CancellationToken cancellationToken)
        {
            Asked.Add(cursor);
            var index = cursor is null ? 0 : int.Parse(cursor, System.Globalization.CultureInfo.InvariantCulture);
            if (FailAt == index)
            {
                FailAt = null;
                throw new PluginException("dropped", PluginFailureKind.Transient);
            }

            return Task.FromResult(new SyncBatch
            {
                Accounts = [new AccountItem("a", "@a")],
                Posts = [new PostItem($"p{index}", "a", DateTimeOffset.UnixEpoch.AddDays(index))],
                NextCursor = (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                HasMore = index + 1 < total,
            });
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class Stuck : IPullSession
    {
        public Task<SyncBatch> PullAsync(string? cursor, CancellationToken cancellationToken) =>
            Task.FromResult(new SyncBatch { NextCursor = cursor, HasMore = true });

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
