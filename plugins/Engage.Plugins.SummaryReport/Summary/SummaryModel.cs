using Engage.Sdk.Data;

namespace Engage.Plugins.SummaryReport.Summary;

/// <summary>
/// Turns the gathered figures into the template's model: only strings, longs, doubles, booleans, and
/// nested <see cref="Dictionary{TKey,TValue}"/> / <see cref="List{T}"/>. Every figure has a ready-made
/// display string next to it (<c>engagementRateText</c>), so the template needs no helpers.
/// </summary>
internal static class SummaryModel
{
    public const string EmptyText = "No posts in this period";
    public const int PostTextLength = 140;

    public static Dictionary<string, object?> Build(WorkspaceView workspace, SummaryData summary)
    {
        var median = summary.Responses.MedianSeconds();
        return new Dictionary<string, object?>
        {
            ["workspace"] = workspace.Name,
            ["timeZone"] = workspace.TimeZone,
            ["periodStart"] = Display.Date(summary.Period.From),
            ["periodEnd"] = Display.Date(summary.Period.To),
            ["days"] = (long)(summary.Period.To.DayNumber - summary.Period.From.DayNumber + 1),
            ["hasPosts"] = summary.Workspace.Posts > 0,
            ["emptyText"] = EmptyText,
            ["totals"] = Totals(summary.Workspace),
            ["hasAccounts"] = summary.Accounts.Count > 0,
            ["accounts"] = summary.Accounts.Select(a => (object?)Account(a, summary.For(a.Id))).ToList(),
            ["hasTopPosts"] = summary.TopPosts.Count > 0,
            ["topPosts"] = summary.TopPosts.Select((p, i) => (object?)TopPost(p, i + 1, summary.Accounts)).ToList(),
            ["responses"] = new Dictionary<string, object?>
            {
                ["conversations"] = summary.Responses.Conversations,
                ["conversationsText"] = Display.Count(summary.Responses.Conversations),
                ["answered"] = summary.Responses.Answered,
                ["answeredText"] = Display.Count(summary.Responses.Answered),
                ["hasMedian"] = median is not null,
                ["medianFirstResponseSeconds"] = median ?? 0L,
                ["medianFirstResponseText"] = median is { } m ? Display.Duration(m) : Display.Unknown,
            },
            ["hasWeeklyRates"] = summary.WeeklyRates.Count > 0,
            ["weeklyRates"] = summary.WeeklyRates.OrderBy(v => v.Date).Select(v => (object?)WeeklyRate(v)).ToList(),
        };
    }

    private static Dictionary<string, object?> Totals(ScopeTotals totals) => new()
    {
        ["posts"] = totals.Posts,
        ["postsText"] = Display.Count(totals.Posts),
        ["engagements"] = totals.Engagements,
        ["engagementsText"] = Display.Count(totals.Engagements),
        ["impressionsKnown"] = totals.Impressions is not null,
        ["impressions"] = totals.Impressions ?? 0L,
        ["impressionsText"] = Display.Count(totals.Impressions),
        ["hasEngagementRate"] = totals.EngagementRate is not null,
        ["engagementRate"] = totals.EngagementRate ?? 0d,
        ["engagementRateText"] = Display.Percent(totals.EngagementRate),
        ["inbound"] = totals.Inbound,
        ["inboundText"] = Display.Count(totals.Inbound),
        ["inboundByKind"] = ScopeTotals.Kinds.Select(k => (object?)new Dictionary<string, object?>
        {
            ["kind"] = k,
            ["count"] = totals.InboundByKind[k],
            ["countText"] = Display.Count(totals.InboundByKind[k]),
        }).ToList(),
        ["outboundReplies"] = totals.OutboundReplies,
        ["outboundRepliesText"] = Display.Count(totals.OutboundReplies),
        ["conversationOpeners"] = totals.OpenersCount,
        ["conversationOpenersText"] = Display.Count(totals.OpenersCount),
        ["hasConversationRatio"] = totals.ConversationRatio is not null,
        ["conversationRatio"] = totals.ConversationRatio ?? 0d,
        ["conversationRatioText"] = Display.Ratio(totals.ConversationRatio),
    };

    private static Dictionary<string, object?> Account(AccountView account, ScopeTotals totals) => new()
    {
        ["accountId"] = account.Id,
        ["network"] = account.Network,
        ["networkName"] = Display.Network(account.Network),
        ["handle"] = account.Handle,
        ["displayName"] = account.DisplayName ?? account.Handle,
        ["followersText"] = Display.Count(account.FollowersCount),
        ["posts"] = totals.Posts,
        ["postsText"] = Display.Count(totals.Posts),
        ["engagementsText"] = Display.Count(totals.Engagements),
        ["impressionsText"] = Display.Count(totals.Impressions),
        ["engagementRateText"] = Display.Percent(totals.EngagementRate),
        ["inboundText"] = Display.Count(totals.Inbound),
        ["outboundRepliesText"] = Display.Count(totals.OutboundReplies),
        ["conversationRatioText"] = Display.Ratio(totals.ConversationRatio),
    };

    private static Dictionary<string, object?> TopPost(PostView post, int rank, List<AccountView> accounts)
    {
        var url = Display.SafeUrl(post.Url);
        var rate = post is { Impressions: > 0, Engagements: { } e } ? (double)e / post.Impressions.Value : (double?)null;
        return new Dictionary<string, object?>
        {
            ["rank"] = (long)rank,
            ["text"] = Display.Shorten(post.Text, PostTextLength),
            ["hasUrl"] = url is not null,
            ["url"] = url ?? "",
            ["network"] = post.Network,
            ["networkName"] = Display.Network(post.Network),
            ["handle"] = accounts.FirstOrDefault(a => a.Id == post.AccountId)?.Handle ?? "",
            ["kind"] = post.Kind,
            ["publishedText"] = Display.Date(post.PublishedDate),
            ["likesText"] = Display.Count(post.Likes),
            ["commentsText"] = Display.Count(post.Comments),
            ["sharesText"] = Display.Count(post.Shares),
            ["engagements"] = post.Engagements ?? 0L,
            ["engagementsText"] = Display.Count(post.Engagements),
            ["impressionsText"] = Display.Count(post.Impressions),
            ["engagementRateText"] = Display.Percent(rate),
        };
    }

    private static Dictionary<string, object?> WeeklyRate(MetricValueView value) => new()
    {
        ["week"] = Display.Date(value.Date),
        ["value"] = value.Value,
        ["valueText"] = Display.Percent(value.Value),
        ["engagementsText"] = value.Numerator is { } n ? Display.Count((long)Math.Round(n)) : Display.Unknown,
        ["impressionsText"] = value.Denominator is { } d ? Display.Count((long)Math.Round(d)) : Display.Unknown,
    };
}
