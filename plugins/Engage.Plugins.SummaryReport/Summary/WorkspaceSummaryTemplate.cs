using Engage.Sdk.Data;
using Engage.Sdk.Metrics;
using Engage.Sdk.Reports;

namespace Engage.Plugins.SummaryReport.Summary;

/// <summary>
/// A one-page summary of a workspace for a period. Reads everything once, as streams, and hands the
/// template a model of plain data with every display string already formatted.
/// </summary>
internal sealed class WorkspaceSummaryTemplate : IReportTemplate
{
    public const string WeeklyRateMetric = "engagement_rate_impressions";
    public const int TopPostCount = 5;

    public ReportTemplateInfo Info { get; } = new(
        "workspace-summary",
        "1.0.0",
        "templates/workspace-summary.hbs",
        WorkspaceDataKinds.Accounts | WorkspaceDataKinds.Posts | WorkspaceDataKinds.Interactions
            | WorkspaceDataKinds.Conversations | WorkspaceDataKinds.MetricValues)
    {
        DisplayName = "Workspace summary",
        Description = "Posts, engagements, engagement rate, inbound interactions and answers (the conversation ratio), "
            + "per-account figures, the top 5 posts, the median first-response time and the weekly engagement rate.",
    };

    public async Task<IReadOnlyDictionary<string, object?>> BuildModelAsync(
        IWorkspaceData data, ReportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(request);
        var period = request.Period;
        var summary = new SummaryData(period);

        await foreach (var account in data.GetAccountsAsync(cancellationToken))
        {
            summary.Accounts.Add(account);
        }

        var top = new TopPosts(TopPostCount);
        await foreach (var post in data.GetPostsAsync(period, cancellationToken))
        {
            summary.Workspace.Add(post);
            summary.For(post.AccountId).Add(post);
            top.Offer(post);
        }

        await foreach (var interaction in data.GetInteractionsAsync(period, cancellationToken))
        {
            summary.Workspace.Add(interaction);
            summary.For(interaction.AccountId).Add(interaction);
        }

        await foreach (var conversation in data.GetConversationsAsync(period, cancellationToken))
        {
            summary.Responses.Add(conversation.FirstResponseSeconds);
        }

        await foreach (var value in data.GetMetricValuesAsync(WeeklyRateMetric, MetricPeriod.Week, period, cancellationToken))
        {
            if (value.AccountId is null && value.Network is null)
            {
                summary.WeeklyRates.Add(value);
            }
        }

        summary.TopPosts.AddRange(top.Best);
        return SummaryModel.Build(data.Workspace, summary);
    }
}
