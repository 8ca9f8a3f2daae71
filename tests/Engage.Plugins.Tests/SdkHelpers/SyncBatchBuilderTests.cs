using Engage.Sdk.Items;

namespace Engage.Plugins.Tests.SdkHelpers;

/// <summary>The SDK's batch builder, which the Mastodon and Bluesky connectors fill while reading their pages.</summary>
public sealed class SyncBatchBuilderTests
{
    private static readonly AccountItem Account = new("me", "@me");
    private static readonly DateTimeOffset Noon = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Build_NothingAdded_CarriesTheAccountAndTheCursor()
    {
        var batch = new SyncBatchBuilder(Account).Build("next", hasMore: true);

        batch.Accounts.Should().Equal(Account);
        batch.Count.Should().Be(1);
        batch.NextCursor.Should().Be("next");
        batch.HasMore.Should().BeTrue();
    }

    [Fact]
    public void Add_SameExternalIdTwice_KeepsTheLastOne()
    {
        var builder = new SyncBatchBuilder(Account);
        builder.Add(new PostItem("p1", "me", Noon) { Likes = 1 });
        builder.Add(new PostItem("p1", "me", Noon) { Likes = 5 });
        builder.Add(new ContactItem("c1", "@old"));
        builder.Add(new ContactItem("c1", "@new"));

        var batch = builder.Build(null, hasMore: false);

        batch.Posts.Should().ContainSingle().Which.Likes.Should().Be(5, "a later page's figures are fresher");
        batch.Contacts.Should().ContainSingle().Which.Handle.Should().Be("@new");
    }

    [Fact]
    public void Add_NullsAndTheAccountAsContact_AreLeftOut()
    {
        var builder = new SyncBatchBuilder(Account);
        builder.Add((ContactItem?)null);
        builder.Add((PostItem?)null);
        builder.Add((InteractionItem?)null);
        builder.Add(new ContactItem("me", "@me"));

        builder.Build(null, hasMore: false).Count.Should().Be(1, "only the account is in the batch");
    }

    [Fact]
    public void Build_PostsAndInteractions_ByTimeThenId()
    {
        var builder = new SyncBatchBuilder(Account);
        builder.Add(new PostItem("b", "me", Noon));
        builder.Add(new PostItem("late", "me", Noon.AddHours(1)));
        builder.Add(new PostItem("a", "me", Noon));
        builder.Add(new InteractionItem("i2", "me", InteractionKind.Comment, InteractionDirection.Inbound, Noon.AddMinutes(2)));
        builder.Add(new InteractionItem("i1", "me", InteractionKind.Comment, InteractionDirection.Inbound, Noon.AddMinutes(1)));
        builder.Add(new AccountDailyStatItem("me", new DateOnly(2024, 5, 2)));
        builder.Add(new AccountDailyStatItem("me", new DateOnly(2024, 5, 1)));

        var batch = builder.Build(null, hasMore: false);

        batch.Posts.Select(p => p.ExternalId).Should().Equal("a", "b", "late");
        batch.Interactions.Select(i => i.ExternalId).Should().Equal("i1", "i2");
        batch.AccountDailyStats.Select(s => s.Date.Day).Should().Equal([2, 1], "daily figures stay in the order added");
    }
}
