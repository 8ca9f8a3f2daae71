using Engage.Sdk.Items;

namespace Engage.Plugins.Tests.Demo;

/// <summary>The invented data is consistent: what an analyst joins on actually joins.</summary>
public sealed class DemoDataTests
{
    private static readonly Lazy<Task<List<SyncBatch>>> Sync = new(() => DemoSync.FirstSyncAsync());

    [Fact]
    public async Task FirstSync_ExternalIds_AreUniquePerKind()
    {
        var batches = await Sync.Value;

        var interactions = batches.SelectMany(b => b.Interactions).Select(i => i.ExternalId).ToList();
        interactions.Should().OnlyHaveUniqueItems("each interaction is sent exactly once");
        batches.Should().OnlyContain(b => b.Posts.Select(p => p.ExternalId).Distinct().Count() == b.Posts.Count);
        batches.Should().OnlyContain(b => b.Contacts.Select(c => c.ExternalId).Distinct().Count() == b.Contacts.Count);
        batches.SelectMany(b => b.AccountDailyStats).Select(s => (s.AccountExternalId, s.Date)).Should().OnlyHaveUniqueItems();
        var accounts = batches.SelectMany(b => b.Accounts).Select(a => a.ExternalId).Distinct().ToList();
        accounts.Should().HaveCount(3);
        var contacts = batches.SelectMany(b => b.Contacts).Select(c => c.ExternalId).ToHashSet();
        var posts = batches.SelectMany(b => b.Posts).Select(p => p.ExternalId).ToHashSet();
        contacts.Concat(posts).Concat(accounts).Concat(interactions).Should().OnlyHaveUniqueItems("ids never collide across kinds either");
    }

    [Fact]
    public async Task FirstSync_EveryReference_PointsAtSomethingSent()
    {
        var batches = await Sync.Value;
        var posts = batches.SelectMany(b => b.Posts).GroupBy(p => p.ExternalId).ToDictionary(g => g.Key, g => g.First().PublishedAt);
        var interactions = batches.SelectMany(b => b.Interactions).ToDictionary(i => i.ExternalId);
        var accounts = batches.SelectMany(b => b.Accounts).Select(a => a.ExternalId).ToHashSet();

        foreach (var batch in batches)
        {
            var contacts = batch.Contacts.Select(c => c.ExternalId).ToHashSet();
            batch.Interactions.Should().OnlyContain(i => i.ContactExternalId != null && contacts.Contains(i.ContactExternalId), "contacts travel with the batch that names them");
            batch.Interactions.Should().OnlyContain(i => accounts.Contains(i.AccountExternalId));
            batch.Posts.Should().OnlyContain(p => accounts.Contains(p.AccountExternalId));
            var networks = batch.Accounts.ToDictionary(a => a.ExternalId, a => a.Network);
            var contactNetworks = batch.Contacts.ToDictionary(c => c.ExternalId, c => c.Network);
            batch.Interactions.Should().OnlyContain(i => contactNetworks[i.ContactExternalId!] == networks[i.AccountExternalId], "a contact lives on its account's network");
        }

        foreach (var item in interactions.Values)
        {
            if (item.PostExternalId is { } post)
            {
                posts.Should().ContainKey(post);
                item.CreatedAt.Should().BeAfter(posts[post]);
            }

            if (item.InReplyToExternalId is { } target)
            {
                interactions.Should().ContainKey(target);
                var answered = interactions[target];
                item.CreatedAt.Should().BeAfter(answered.CreatedAt);
                (item.CreatedAt - answered.CreatedAt).Should().BeLessThanOrEqualTo(TimeSpan.FromDays(1));
                item.ConversationExternalId.Should().Be(answered.ConversationExternalId);
                item.ContactExternalId.Should().Be(answered.ContactExternalId);
                item.Direction.Should().NotBe(answered.Direction, "answers alternate between the library and the person");
            }
        }
    }

    [Fact]
    public async Task FirstSync_Answers_AreOutboundRepliesAndMessagesToInboundItems()
    {
        var items = (await Sync.Value).SelectMany(b => b.Interactions).ToList();
        var byId = items.ToDictionary(i => i.ExternalId);

        var outbound = items.Where(i => i.Direction == InteractionDirection.Outbound).ToList();
        outbound.Should().NotBeEmpty();
        outbound.Should().OnlyContain(i => i.Kind == InteractionKind.Reply || i.Kind == InteractionKind.Message);
        outbound.Should().OnlyContain(i => i.InReplyToExternalId != null && byId[i.InReplyToExternalId].Direction == InteractionDirection.Inbound);
        outbound.Where(i => i.Kind == InteractionKind.Message).Should().OnlyContain(i => byId[i.InReplyToExternalId!].Kind == InteractionKind.Message);
        items.Where(i => i.Kind is InteractionKind.Comment or InteractionKind.Message or InteractionKind.Mention or InteractionKind.Reply)
            .Should().OnlyContain(i => i.ConversationExternalId != null && !string.IsNullOrWhiteSpace(i.Text) && i.Language != null);
        items.Where(i => i.Kind is InteractionKind.Reaction or InteractionKind.Share or InteractionKind.Follow)
            .Should().OnlyContain(i => i.Text == null && i.ConversationExternalId == null);
    }

    [Fact]
    public async Task FirstSync_Enumerations_UseOnlyTheDocumentedValues()
    {
        var batches = await Sync.Value;
        var interactions = batches.SelectMany(b => b.Interactions).ToList();

        interactions.Select(i => i.Kind.ToString()).Distinct().Should().BeSubsetOf(["Comment", "Reply", "Mention", "Message", "Reaction", "Share", "Follow", "Quote"])
            .And.HaveCount(8, "every kind of interaction appears in the demo");
        interactions.Select(i => i.Direction.ToString()).Distinct().Should().BeEquivalentTo(["Inbound", "Outbound"]);
        batches.SelectMany(b => b.Posts).Select(p => p.Kind.ToString()).Distinct().Should().BeSubsetOf(["Post", "Reply", "Repost", "Story", "Video", "Reel", "Article"]);
        batches.SelectMany(b => b.Accounts).Select(a => a.Network).Distinct().Should().BeEquivalentTo(["mastodon", "bluesky", "instagram"]);
        batches.SelectMany(b => b.Posts).Select(p => p.Language).Concat(interactions.Select(i => i.Language)).Where(l => l != null).Distinct()
            .Should().BeEquivalentTo(["en", "fr", "de", "es", "fa", "he"]);
    }

    [Fact]
    public async Task FirstSync_Timestamps_AreNeverLaterThanNowNorBeforeTheHistory()
    {
        var batches = await Sync.Value;
        var anchor = DemoSync.Now.Date.AddDays(-90);

        batches.SelectMany(b => b.Interactions).Should().OnlyContain(i => i.CreatedAt <= DemoSync.Now && i.CreatedAt > anchor);
        batches.SelectMany(b => b.Posts).Should().OnlyContain(p => p.PublishedAt <= DemoSync.Now && p.PublishedAt > anchor);
        batches.SelectMany(b => b.Interactions).Should().OnlyContain(i => i.CreatedAt.Offset == TimeSpan.Zero);
    }

    [Fact]
    public async Task FirstSync_DailyStats_OnePerAccountAndDayWithConsistentFollowers()
    {
        var stats = (await Sync.Value).SelectMany(b => b.AccountDailyStats).ToList();

        stats.Should().HaveCount(3 * 90, "one row per account for each whole day of history");
        foreach (var account in stats.GroupBy(s => s.AccountExternalId))
        {
            var days = account.OrderBy(s => s.Date).ToList();
            days[^1].Followers.Should().BeGreaterThan(days[0].Followers!.Value, "followers grow over a quarter");
            for (var i = 1; i < days.Count; i++)
            {
                (days[i].Followers - days[i - 1].Followers).Should().Be(days[i].FollowersGained - days[i].FollowersLost);
                days[i].FollowersGained.Should().BeGreaterThanOrEqualTo(0);
                days[i].FollowersLost.Should().BeGreaterThanOrEqualTo(0);
            }
        }
    }

    [Fact]
    public async Task FirstSync_Figures_AreNullWhereTheNetworkDoesNotReportThem()
    {
        var batches = await Sync.Value;
        var networks = batches[0].Accounts.ToDictionary(a => a.ExternalId, a => a.Network);
        var posts = batches.SelectMany(b => b.Posts).ToList();
        var stats = batches.SelectMany(b => b.AccountDailyStats).ToList();

        posts.Where(p => networks[p.AccountExternalId] is "mastodon" or "bluesky")
            .Should().OnlyContain(p => p.Impressions == null && p.Reach == null && p.Saves == null && p.Engagements == null && p.Likes != null);
        posts.Where(p => networks[p.AccountExternalId] == "instagram")
            .Should().OnlyContain(p => p.Impressions != null && p.Reach <= p.Impressions && p.Engagements == p.Likes + p.Comments + p.Shares + p.Saves);
        stats.Where(s => networks[s.AccountExternalId] == "mastodon").Should().OnlyContain(s => s.Impressions == null && s.Reach == null);
        stats.Where(s => networks[s.AccountExternalId] == "instagram").Should().OnlyContain(s => s.Impressions > 0 && s.PageViews == null);
    }

    [Fact]
    public async Task FirstSync_ResentPosts_HaveFiguresThatNeverShrink()
    {
        var batches = await Sync.Value;

        foreach (var post in batches.SelectMany(b => b.Posts).GroupBy(p => p.ExternalId).Where(g => g.Count() > 1))
        {
            var versions = post.ToList();
            versions.Should().HaveCountLessThanOrEqualTo(9, "a post is refreshed for a week");
            versions.Select(v => v.Likes).Should().BeInAscendingOrder();
            versions.Select(v => v.Comments).Should().BeInAscendingOrder();
            versions.Select(v => v.Impressions ?? 0).Should().BeInAscendingOrder();
        }
    }

    [Fact]
    public async Task FirstSync_Texts_IncludeRightToLeftScriptsEmojiAndEveryTone()
    {
        var texts = (await Sync.Value).SelectMany(b => b.Interactions).Select(i => i.Text).OfType<string>().ToList();

        texts.Should().Contain(t => t.Any(c => c >= '\u0600' && c <= '\u06FF'), "Persian");
        texts.Should().Contain(t => t.Any(c => c >= '\u0590' && c <= '\u05FF'), "Hebrew");
        texts.Should().Contain(t => t.Contains("😍", StringComparison.Ordinal));
        texts.Should().Contain(t => t.Contains("disappointing") || t.Contains("frustrating"));
        texts.Should().Contain(t => t.Contains("Thank you"));
    }
}
