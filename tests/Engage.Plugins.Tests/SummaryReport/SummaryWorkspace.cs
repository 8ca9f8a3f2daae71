using Engage.Plugins.SummaryReport.Summary;
using Engage.Sdk.Data;
using Engage.Sdk.Metrics;
using Engage.Sdk.Reports;

namespace Engage.Plugins.Tests.SummaryReport;

/// <summary>A small workspace with hand-countable figures for the summary report.</summary>
internal static class SummaryWorkspace
{
    public static readonly DateRange March = new(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31));

    public static ReportRequest Request => new(March, new Dictionary<string, string?>());

    public static Fakes.InMemoryWorkspaceData Empty() => new(new WorkspaceSummaryTemplate().Info.Reads);

    /// <summary>
    /// Account 1 (Mastodon): posts 1, 2, 3 with 10, 20, unknown engagements, no impressions.
    /// Account 2 (Instagram): posts 4..8 with 100, 60, 50, 40, 30 engagements on 2000, 1000, 1000, 1000, 1000 impressions.
    /// Interactions: 6 comments, 2 mentions, 2 messages, 5 reactions, 1 follow inbound; 4 replies and 1 message outbound.
    /// Conversations: first responses of 1 h, 2 h 30 min and 3 h (one unanswered).
    /// </summary>
    public static Fakes.InMemoryWorkspaceData Sample(string secondBestPostText = "Author talk tonight")
    {
        var data = Empty();
        data.Accounts.Add(new AccountView(1, "mastodon", "@library@social.riverside.example", "Riverside City Library", 3200));
        data.Accounts.Add(new AccountView(2, "instagram", "riversidecitylibrary", null, null));
        data.Posts.Add(Post(1, 1, 3, 10, null, "Story time is back! 🧸"));
        data.Posts.Add(Post(2, 1, 4, 20, null, "Reminder: closed on Monday."));
        data.Posts.Add(Post(3, 1, 5, null, null, "A post whose figures are unknown"));
        data.Posts.Add(Post(4, 2, 10, 100, 2000, "کتاب‌های تازه به زبان فارسی 📚 " + new string('x', 200)));
        data.Posts.Add(Post(5, 2, 11, 60, 1000, secondBestPostText));
        data.Posts.Add(Post(6, 2, 12, 50, 1000, "Seed library"));
        data.Posts.Add(Post(7, 2, 13, 40, 1000, "Makerspace"));
        data.Posts.Add(Post(8, 2, 14, 30, 1000, "Reading garden") with { Url = "javascript:alert(1)" });

        var id = 0L;
        void Add(long account, string kind, string direction, int count)
        {
            for (var i = 0; i < count; i++)
            {
                data.Interactions.Add(new InteractionView(++id, account, account == 1 ? "mastodon" : "instagram", kind, direction, At(15), new DateOnly(2025, 3, 15)));
            }
        }

        Add(1, "Comment", "Inbound", 2);
        Add(2, "Comment", "Inbound", 4);
        Add(1, "Mention", "Inbound", 2);
        Add(2, "Message", "Inbound", 2);
        Add(2, "Reaction", "Inbound", 5);
        Add(1, "Follow", "Inbound", 1);
        Add(1, "Reply", "Outbound", 1);
        Add(2, "Reply", "Outbound", 3);
        Add(2, "Message", "Outbound", 1);

        data.Conversations.Add(Conversation(1, 3600));
        data.Conversations.Add(Conversation(2, 9000));
        data.Conversations.Add(Conversation(3, 10800));
        data.Conversations.Add(Conversation(4, null));

        data.MetricValues.Add(Rate(new DateOnly(2025, 3, 3), null, 0.05, 100, 2000));
        data.MetricValues.Add(Rate(new DateOnly(2025, 3, 10), null, 0.0416, 270, 6000));
        data.MetricValues.Add(Rate(new DateOnly(2025, 3, 10), 2, 0.0416, 270, 6000));
        return data;
    }

    private static PostView Post(long id, long account, int day, long? engagements, long? impressions, string text) =>
        new(id, account, account == 1 ? "mastodon" : "instagram", At(day), new DateOnly(2025, 3, day))
        {
            Text = text,
            Url = $"https://example.org/posts/{id}",
            Likes = engagements / 2,
            Comments = engagements / 10,
            Engagements = engagements,
            Impressions = impressions,
        };

    private static ConversationView Conversation(long id, long? firstResponse) =>
        new(id, 2, "instagram", At(5), At(6), 2, firstResponse is null ? 0 : 1) { FirstResponseSeconds = firstResponse };

    private static MetricValueView Rate(DateOnly week, long? account, double value, double numerator, double denominator) =>
        new("engagement_rate_impressions", MetricPeriod.Week, week, value)
        {
            AccountId = account,
            Network = account is null ? null : "instagram",
            Numerator = numerator,
            Denominator = denominator,
            Calculator = "engagement",
        };

    private static DateTimeOffset At(int day) => new(2025, 3, day, 10, 0, 0, TimeSpan.Zero);
}
