using Engage.Host.Records.Retention;
using Engage.Host.Tests.Ingestion;
using Engage.Sdk.Items;

namespace Engage.Host.Tests.Records;

/// <summary>The retention purge on a hand-moved clock: what goes, what stays, legal hold, re-sync, audit.</summary>
public sealed class RetentionPurgerTests
{
    private static readonly string[] Texts = ["i-1", "i-2", "i-3"];

    [Fact]
    public async Task RunAsync_BeforeThePeriodEnds_PurgesNothing()
    {
        using var scene = await RetentionScene.CreateAsync();
        await scene.SetRetentionAsync(30);
        scene.Clock.Advance(TimeSpan.FromDays(28)); // 2026-04-08: the oldest interaction is 29 days old

        var result = await scene.PurgeAsync();

        result.Outcome.Should().Be(PurgeOutcome.Done);
        result.Purged.Should().Be(0);
        (await scene.TextOfAsync("i-3")).Should().Be("سلام، کتاب من کجاست؟");
        (await scene.AuditDetailsAsync()).Should().BeEmpty("a pass that purged nothing records nothing");
    }

    [Fact]
    public async Task RunAsync_AfterThePeriod_EmptiesTextButKeepsTheRecordAndItsFigures()
    {
        using var scene = await RetentionScene.CreateAsync();
        var conversationsBefore = await scene.Db.DumpAsync("Conversations");
        var postsBefore = await scene.Db.DumpAsync("Posts");
        var keptBefore = await scene.Db.DumpAsync("Interactions", "Id, ExternalId, Url, Kind, Direction, CreatedAt, ContactId, ConversationId, Status, ResponseSeconds");
        await scene.SetRetentionAsync(30);
        scene.Clock.Advance(TimeSpan.FromDays(31));

        var result = await scene.PurgeAsync();

        result.Purged.Should().Be(3, "i-1, i-2 and i-3 had text; the reaction i-4 had none");
        foreach (var id in Texts)
        {
            (await scene.TextOfAsync(id)).Should().BeNull($"{id} is older than 30 days");
        }

        (await scene.Db.ScalarAsync("SELECT COUNT(*) FROM Interactions WHERE TextPurgedAt IS NOT NULL")).Should().Be(3L);
        (await scene.Db.DumpAsync("Interactions", "Id, ExternalId, Url, Kind, Direction, CreatedAt, ContactId, ConversationId, Status, ResponseSeconds"))
            .Should().Equal(keptBefore, "only the text goes: links, dates, kinds, statuses and response times stay");
        (await scene.Db.DumpAsync("Conversations")).Should().Equal(conversationsBefore, "message counts and response times are unchanged");
        (await scene.Db.DumpAsync("Posts")).Should().Equal(postsBefore, "retention applies to interaction text, not to the account's own posts");
    }

    [Fact]
    public async Task RunAsync_CutoffBetweenInteractions_PurgesOnlyTheOlderOnes()
    {
        using var scene = await RetentionScene.CreateAsync();
        await scene.SyncAsync(new SyncBatch
        {
            Interactions = [new InteractionItem("i-new", "acc-1", InteractionKind.Mention, InteractionDirection.Inbound, SampleBatches.T0.AddDays(20)) { Text = "שלום 👋" }],
        });
        await scene.SetRetentionAsync(10);
        scene.Clock.Advance(TimeSpan.FromDays(24)); // cutoff 2026-03-25 09:00: i-1..i-3 (03-10) before, i-new (03-30) after

        (await scene.PurgeAsync()).Purged.Should().Be(3);

        (await scene.TextOfAsync("i-1")).Should().BeNull();
        (await scene.TextOfAsync("i-new")).Should().Be("שלום 👋");
    }

    [Fact]
    public async Task RunAsync_LegalHold_SuspendsPurgeUntilLifted()
    {
        using var scene = await RetentionScene.CreateAsync();
        await scene.SetRetentionAsync(30);
        await scene.SetHoldAsync(true);
        scene.Clock.Advance(TimeSpan.FromDays(400));

        var held = await scene.PurgeAsync();

        held.Outcome.Should().Be(PurgeOutcome.LegalHold);
        held.Purged.Should().Be(0);
        (await scene.TextOfAsync("i-1")).Should().Be("Until when exactly?");

        await scene.SetHoldAsync(false);
        var resumed = await scene.PurgeAsync();

        resumed.Outcome.Should().Be(PurgeOutcome.Done);
        resumed.Purged.Should().Be(3);
        (await scene.TextOfAsync("i-1")).Should().BeNull();
    }

    [Fact]
    public async Task RunAsync_NoRetentionPeriod_KeepsTextForever()
    {
        using var scene = await RetentionScene.CreateAsync();
        scene.Clock.Advance(TimeSpan.FromDays(36_600));

        var result = await scene.PurgeAsync();

        result.Outcome.Should().Be(PurgeOutcome.NoPeriod);
        (await scene.TextOfAsync("i-2")).Should().Be("Until 22:00!");
    }

    [Fact]
    public async Task Resync_AfterPurge_DoesNotBringTextBack()
    {
        using var scene = await RetentionScene.CreateAsync();
        await scene.SetRetentionAsync(30);
        scene.Clock.Advance(TimeSpan.FromDays(31));
        await scene.PurgeAsync();
        var before = await scene.Db.DumpAsync("Interactions");

        await scene.SyncAsync(SampleBatches.Conversation());

        (await scene.Db.DumpAsync("Interactions")).Should().Equal(before, "a re-sync of purged items changes nothing, not even the row version");

        await scene.SetRetentionAsync(null);
        await scene.SyncAsync(SampleBatches.Conversation());

        foreach (var id in Texts)
        {
            (await scene.TextOfAsync(id)).Should().BeNull($"{id} was purged; lifting the period later does not let a sync refill it");
        }
    }

    [Fact]
    public async Task Sync_ItemOlderThanTheCutoff_StoresItWithoutText()
    {
        using var scene = await RetentionScene.CreateAsync();
        await scene.SetRetentionAsync(30);
        scene.Clock.Advance(TimeSpan.FromDays(60));
        var old = new SyncBatch
        {
            Interactions =
            [
                new InteractionItem("i-old", "acc-1", InteractionKind.Comment, InteractionDirection.Inbound, SampleBatches.T0) { Text = "old", Url = "https://social.example/old" },
                new InteractionItem("i-recent", "acc-1", InteractionKind.Comment, InteractionDirection.Inbound, scene.Clock.GetUtcNow().AddDays(-1)) { Text = "recent" },
            ],
        };

        await scene.SyncAsync(old);

        (await scene.TextOfAsync("i-old")).Should().BeNull("text past the retention period is never stored");
        (await scene.Db.ScalarAsync("SELECT Url FROM Interactions WHERE ExternalId = 'i-old'")).Should().Be("https://social.example/old");
        (await scene.TextOfAsync("i-recent")).Should().Be("recent");

        await scene.SetHoldAsync(true);
        await scene.SyncAsync(old with { Interactions = [old.Interactions[0] with { ExternalId = "i-old-held" }] });

        (await scene.TextOfAsync("i-old-held")).Should().Be("old", "under legal hold nothing is withheld");
    }

    [Fact]
    public async Task RunAsync_ManyBatches_PurgesAllAndAppendsOneVerifiableAuditRow()
    {
        using var scene = await RetentionScene.CreateAsync(batchSize: 2);
        await scene.SyncAsync(new SyncBatch
        {
            Interactions = Enumerable.Range(0, 7)
                .Select(i => new InteractionItem($"m-{i}", "acc-1", InteractionKind.Mention, InteractionDirection.Inbound, SampleBatches.T0.AddHours(i)) { Text = $"mention {i}" })
                .ToList(),
        });
        await scene.SetRetentionAsync(30);
        scene.Clock.Advance(TimeSpan.FromDays(40));

        var result = await scene.PurgeAsync();
        var again = await scene.PurgeAsync();

        result.Purged.Should().Be(10, "3 sample texts and 7 mentions, two per transaction");
        again.Purged.Should().Be(0);
        (await scene.Db.ScalarAsync("SELECT COUNT(*) FROM Interactions WHERE Text IS NOT NULL")).Should().Be(0L);
        (await scene.AuditDetailsAsync()).Should().ContainSingle()
            .Which.Should().Be($"Retention.Purge {scene.Workspace}: Purged the text of 10 interactions created before 2026-03-21T09:00:00.0000000Z (retention 30 days); outcome Done");
        (await scene.VerifyAuditAsync()).Intact.Should().BeTrue();
    }
}
