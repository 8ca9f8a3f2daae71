using Engage.Host.Audit;
using Engage.Host.Privacy.Erasure;
using Engage.Host.Privacy.Subjects;

namespace Engage.Host.Tests.Privacy;

public sealed class SubjectEraseTests
{
    [Fact]
    public async Task Erase_ThenResyncOfTheSameBatches_BringsNothingBackAndKeepsEveryFigure()
    {
        using var scene = await PrivacyScene.CreateAsync();
        var before = await PrivacyAssertions.AggregatesAsync(scene.Db);
        var dariushBefore = await DariushAsync(scene);

        var result = await EraseAnaAsync(scene);
        var erased = await PrivacyAssertions.DumpAllAsync(scene.Db);
        var newRows = await scene.ResyncAsync();
        var resynced = await PrivacyAssertions.DumpAllAsync(scene.Db);

        result.Should().BeEquivalentTo(new { Contacts = 2, Conversations = 2, Interactions = 6, Replies = 2, Moments = 2, Publications = 1 });
        erased.ShouldHoldNoneOf(PrivacyScene.AnasData, "the erasure removes every identifier and text of Ana");
        resynced.ShouldHoldNoneOf(PrivacyScene.AnasData, "a re-sync of the same batches must not bring anything back");
        newRows.Should().Be(0, "the re-sync finds the anonymised rows instead of creating new ones");
        (await PrivacyAssertions.AggregatesAsync(scene.Db)).Should().Be(before, "counts, response times and conversation counters are kept");
        (await DariushAsync(scene)).Should().Be(dariushBefore, "another person's data is untouched");
        (await scene.Db.ScalarAsync("SELECT Status FROM Publications")).Should().Be("Cancelled", "a draft reply to an erased person must not go out");
        (await scene.Db.ScalarAsync("SELECT COUNT(*) FROM Moments WHERE Change = 'Thanked us'")).Should().Be(0L);
    }

    [Fact]
    public async Task Erase_Twice_IsHarmless()
    {
        using var scene = await PrivacyScene.CreateAsync();
        await EraseAnaAsync(scene);
        var once = await PrivacyAssertions.DumpAllAsync(scene.Db);

        var again = await EraseAnaAsync(scene);
        var twice = await PrivacyAssertions.DumpAllAsync(scene.Db);

        again.Tombstones.Should().Be(0, "everything was tombstoned the first time");
        string.Join("\n", twice.Split('\n').Where(l => !l.StartsWith("AuditEvents", StringComparison.Ordinal)))
            .Should().Be(string.Join("\n", once.Split('\n').Where(l => !l.StartsWith("AuditEvents", StringComparison.Ordinal))),
                "a second erasure changes no row, it only records that it ran");
        (await scene.ResyncAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Erase_ContactWithoutInteractions_AnonymisesTheContactOnly()
    {
        using var scene = await PrivacyScene.CreateAsync();
        var before = await PrivacyAssertions.AggregatesAsync(scene.Db);

        var result = await new SubjectEraser(scene.Db.Database, TimeProvider.System)
            .EraseAsync([scene.Stranger], "case 9", "tester", _ => true, CancellationToken.None);
        await scene.NewWriter().WriteAsync(scene.Elsewhere,
            new() { Contacts = [new("someone", "@someone@museum.example") { DisplayName = "Some One" }] }, null, CancellationToken.None);

        result.Should().BeEquivalentTo(new { Contacts = 1, Conversations = 0, Interactions = 0, Moments = 0, Publications = 0, Tombstones = 1 });
        (await PrivacyAssertions.DumpAllAsync(scene.Db)).ShouldHoldNoneOf(["@someone@museum.example", "Some One"], "the contact was erased");
        (await scene.Db.CountAsync("Contacts")).Should().Be(4, "the re-sent contact maps to the anonymised row");
        (await PrivacyAssertions.AggregatesAsync(scene.Db)).Should().Be(before);
    }

    [Fact]
    public async Task LaterItems_ByAnErasedContact_AreStoredWithoutPersonalDataAndCounted()
    {
        using var scene = await PrivacyScene.CreateAsync();
        await EraseAnaAsync(scene);
        var interactions = await scene.Db.CountAsync("Interactions");
        var later = new Engage.Sdk.Items.SyncBatch
        {
            Accounts = [new("lib-masto", "@library@social.example")],
            Contacts = [new("ana-masto-77", "@ana@social.example") { DisplayName = "Ana 📚 אנה" }],
            Interactions =
            [
                new("ana-later-301", "lib-masto", Engage.Sdk.Items.InteractionKind.Message, Engage.Sdk.Items.InteractionDirection.Inbound, PrivacyScene.T0.AddDays(5))
                    { ContactExternalId = "ana-masto-77", ConversationExternalId = "ana-thread-1", Text = "I am back, call me on 0612345678" },
                new("lib-reply-4", "lib-masto", Engage.Sdk.Items.InteractionKind.Message, Engage.Sdk.Items.InteractionDirection.Outbound, PrivacyScene.T0.AddDays(5).AddMinutes(10))
                    { ConversationExternalId = "ana-thread-1", InReplyToExternalId = "ana-later-301", Text = "Welcome back Ana" },
            ],
        };

        var first = await scene.NewWriter().WriteAsync(scene.Mastodon, later, null, CancellationToken.None);
        var second = await scene.NewWriter().WriteAsync(scene.Mastodon, later, null, CancellationToken.None);

        first.New.Should().Be(2);
        second.New.Should().Be(0, "the later items are found again under their pseudonyms");
        (await scene.Db.CountAsync("Interactions")).Should().Be(interactions + 2);
        (await PrivacyAssertions.DumpAllAsync(scene.Db)).ShouldHoldNoneOf(
            ["ana-later-301", "0612345678", "Welcome back Ana", .. PrivacyScene.AnasData], "later items by an erased person are stored anonymised");
        (await scene.Db.ScalarAsync("SELECT COUNT(*) FROM Interactions WHERE ContactId = @c", ("@c", scene.AnaMastodon))).Should().Be(3L,
            "the later message is attached to the anonymised contact");
        (await scene.Db.ScalarAsync("SELECT ResponseSeconds FROM Interactions WHERE ContactId = @c AND CreatedAt > '2026-03-14'", ("@c", scene.AnaMastodon)))
            .Should().Be(600L, "the reply to the later message still counts as an answer");
        (await scene.Db.ScalarAsync("SELECT MessagesIn || '/' || MessagesOut FROM Conversations WHERE ContactId = @c", ("@c", scene.AnaMastodon))).Should().Be("2/2");
    }

    [Fact]
    public async Task Erase_AuditRow_HoldsIdsReasonAndCountsButNoErasedData_AndTheChainVerifies()
    {
        using var scene = await PrivacyScene.CreateAsync();

        await EraseAnaAsync(scene);

        var row = string.Join("\n", await scene.Db.DumpAsync("AuditEvents"));
        row.Should().Contain("Subject.Erase").And.Contain($"{scene.AnaMastodon},{scene.AnaBluesky}").And.Contain("GDPR request 2026-117").And.Contain("interactions 6");
        row.ShouldHoldNoneOf(PrivacyScene.AnasData, "the audit row itself must hold no erased personal data");
        row.Should().NotContain("Ana");
        (await new AuditVerifier(scene.Db.Database).VerifyAsync(TextWriter.Null, CancellationToken.None)).Intact.Should().BeTrue();
    }

    [Fact]
    public async Task Tombstones_HoldNoExternalIdInClear()
    {
        using var scene = await PrivacyScene.CreateAsync();

        await EraseAnaAsync(scene);

        var tombstones = await scene.Db.DumpAsync("Tombstones", "WorkspaceId, ConnectionId, Network, Kind, KeyHash");
        tombstones.Should().HaveCount(10, "2 contacts, 2 conversations, 4 interactions of hers and 2 replies to her");
        string.Join("\n", tombstones).ShouldHoldNoneOf(PrivacyScene.AnasData, "a tombstone is a keyed hash, not a copy");
    }

    [Theory]
    [InlineData("Request by @ana@social.example")]
    [InlineData("ana.bsky.social asked by mail")]
    public async Task Erase_ReasonNamingThePerson_IsRefusedAndChangesNothing(string reason)
    {
        using var scene = await PrivacyScene.CreateAsync();
        var before = await PrivacyAssertions.DumpAllAsync(scene.Db);

        var act = () => new SubjectEraser(scene.Db.Database, TimeProvider.System)
            .EraseAsync([scene.AnaMastodon, scene.AnaBluesky], reason, "tester", _ => true, CancellationToken.None);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("case or ticket number");
        (await PrivacyAssertions.DumpAllAsync(scene.Db)).Should().Be(before);
    }

    [Fact]
    public async Task Erase_ContactsOfTwoWorkspacesOrUnknown_IsRefused()
    {
        using var scene = await PrivacyScene.CreateAsync();
        var eraser = new SubjectEraser(scene.Db.Database, TimeProvider.System);

        await eraser.Invoking(e => e.EraseAsync([scene.AnaMastodon, scene.Stranger], "case 1", "t", _ => true, CancellationToken.None))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*different workspaces*");
        await eraser.Invoking(e => e.EraseAsync([scene.AnaMastodon, 999], "case 1", "t", _ => true, CancellationToken.None))
            .Should().ThrowAsync<SubjectNotFoundException>().WithMessage("There is no contact 999*");
        await eraser.Invoking(e => e.EraseAsync([scene.AnaMastodon], "case 1", "t", w => w != scene.Workspace, CancellationToken.None))
            .Should().ThrowAsync<SubjectNotFoundException>("a contact of a workspace the caller cannot see answers as if it did not exist");
    }

    private static Task<ErasureResult> EraseAnaAsync(PrivacyScene scene) =>
        new SubjectEraser(scene.Db.Database, TimeProvider.System)
            .EraseAsync([scene.AnaMastodon, scene.AnaBluesky], "GDPR request 2026-117", "tester", _ => true, CancellationToken.None);

    private static async Task<string> DariushAsync(PrivacyScene scene)
    {
        var rows = new List<string>();
        foreach (var table in new[] { "Contacts", "Interactions", "Conversations", "Moments" })
        {
            rows.AddRange((await scene.Db.DumpAsync(table)).Where(r => r.Contains("dariush", StringComparison.OrdinalIgnoreCase) || r.Contains("Tomorrow", StringComparison.Ordinal)));
        }

        rows.Should().HaveCount(5, "his contact, message, the reply to it, his conversation and his moment");
        return string.Join("\n", rows);
    }
}
