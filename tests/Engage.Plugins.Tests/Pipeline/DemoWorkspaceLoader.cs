using Engage.Plugins.Tests.Fakes;
using Engage.Sdk.Data;
using Engage.Sdk.Items;
using Engage.Sdk.Metrics;

namespace Engage.Plugins.Tests.Pipeline;

/// <summary>
/// A much simplified stand-in for the host's ingestion: upserts the demo's batches on external id into an
/// in-memory workspace (UTC dates), and derives conversations from interactions.
/// </summary>
internal static class DemoWorkspaceLoader
{
    public static InMemoryWorkspaceData Load(IEnumerable<SyncBatch> batches, WorkspaceDataKinds reads)
    {
        var list = batches.ToList();
        var data = new InMemoryWorkspaceData(reads);
        var accounts = new Dictionary<string, (long Id, string Network)>();
        foreach (var account in list.SelectMany(b => b.Accounts).GroupBy(a => a.ExternalId).Select(g => g.Last()))
        {
            var id = accounts.Count + 1L;
            accounts[account.ExternalId] = (id, account.Network!);
            data.Accounts.Add(new AccountView(id, account.Network!, account.Handle, account.DisplayName, account.FollowersCount));
        }

        var postIds = new Dictionary<string, long>();
        foreach (var post in list.SelectMany(b => b.Posts).GroupBy(p => p.ExternalId).Select(g => g.Last()))
        {
            var (accountId, network) = accounts[post.AccountExternalId];
            postIds[post.ExternalId] = postIds.Count + 1L;
            data.Posts.Add(new PostView(postIds[post.ExternalId], accountId, network, post.PublishedAt, DateOnly.FromDateTime(post.PublishedAt.UtcDateTime))
            {
                Kind = post.Kind.ToString(), Text = post.Text, Url = post.Url, Impressions = post.Impressions, Reach = post.Reach,
                Likes = post.Likes, Comments = post.Comments, Shares = post.Shares, Saves = post.Saves, Clicks = post.Clicks,
                Engagements = post.Engagements ?? (post.Likes ?? 0) + (post.Comments ?? 0) + (post.Shares ?? 0) + (post.Saves ?? 0) + (post.Clicks ?? 0),
            });
        }

        var interactions = list.SelectMany(b => b.Interactions).ToList();
        var conversationIds = new Dictionary<string, long>();
        foreach (var item in interactions)
        {
            var (accountId, network) = accounts[item.AccountExternalId];
            long? conversation = item.ConversationExternalId is { } c ? conversationIds.TryAdd(c, conversationIds.Count + 1L) ? conversationIds[c] : conversationIds[c] : null;
            data.Interactions.Add(new InteractionView(data.Interactions.Count + 1L, accountId, network, item.Kind.ToString(), item.Direction.ToString(), item.CreatedAt, DateOnly.FromDateTime(item.CreatedAt.UtcDateTime))
            {
                PostId = item.PostExternalId is { } p ? postIds[p] : null,
                ConversationId = conversation,
                Text = item.Text,
                Language = item.Language,
            });
        }

        foreach (var thread in interactions.Where(i => i.ConversationExternalId is not null).GroupBy(i => i.ConversationExternalId!))
        {
            var items = thread.OrderBy(i => i.CreatedAt).ToList();
            var (accountId, network) = accounts[items[0].AccountExternalId];
            var firstIn = items.FirstOrDefault(i => i.Direction == InteractionDirection.Inbound);
            var firstOut = firstIn is null ? null : items.FirstOrDefault(i => i.Direction == InteractionDirection.Outbound && i.CreatedAt >= firstIn.CreatedAt);
            data.Conversations.Add(new ConversationView(conversationIds[thread.Key], accountId, network, items[0].CreatedAt, items[^1].CreatedAt,
                items.Count(i => i.Direction == InteractionDirection.Inbound), items.Count(i => i.Direction == InteractionDirection.Outbound))
            {
                FirstResponseSeconds = firstOut is null ? null : (long)(firstOut.CreatedAt - firstIn!.CreatedAt).TotalSeconds,
            });
        }

        return data;
    }

    public static void AddMetricValues(InMemoryWorkspaceData data, IEnumerable<MetricValueItem> values, string calculator)
    {
        data.MetricValues.AddRange(values.Select(v => new MetricValueView(v.Metric, v.Period, v.Date, v.Value)
        {
            AccountId = v.AccountId, Network = v.Network, Numerator = v.Numerator, Denominator = v.Denominator, Calculator = calculator,
        }));
    }
}
