using System.Net;
using Engage.Plugins.EngagementMetrics.Engagement;
using Engage.Plugins.SummaryReport.Summary;
using Engage.Plugins.Tests.Demo;
using Engage.Plugins.Tests.SummaryReport;
using Engage.Sdk.Data;
using Engage.Sdk.Metrics;

namespace Engage.Plugins.Tests.Pipeline;

/// <summary>The three bundled plugins together: demo data, its engagement figures, and the summary of a month.</summary>
public sealed class DemoPipelineTests
{
    private static readonly DateRange May = new(new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 31));

    [Fact]
    public async Task Summary_OfAMonthOfDemoData_ShowsBelievableFigures()
    {
        var batches = await DemoSync.FirstSyncAsync();
        var data = DemoWorkspaceLoader.Load(batches, new WorkspaceSummaryTemplate().Info.Reads | WorkspaceDataKinds.Posts);
        var calculator = new EngagementCalculator();
        var values = new List<MetricValueItem>();
        await foreach (var value in calculator.ComputeAsync(data, new MetricRequest(new DateRange(new DateOnly(2025, 4, 28), May.To), [MetricPeriod.Week]), CancellationToken.None))
        {
            values.Add(value);
        }

        DemoWorkspaceLoader.AddMetricValues(data, values, calculator.Info.Name);
        var model = await new WorkspaceSummaryTemplate().BuildModelAsync(data, new(May, new Dictionary<string, string?>()), CancellationToken.None);
        var html = await ReportRendering.RenderAsync(data, new(May, new Dictionary<string, string?>()));

        var totals = (Dictionary<string, object?>)model["totals"]!;
        ((long)totals["posts"]!).Should().BeInRange(70, 140, "about 300 posts in 90 days");
        ((double)totals["engagementRate"]!).Should().BeInRange(0.01, 0.15);
        ((double)totals["conversationRatio"]!).Should().BeInRange(0.3, 0.8, "the library answers about half of what invites an answer");
        ((List<object?>)model["topPosts"]!).Should().HaveCount(5);
        ((List<object?>)model["weeklyRates"]!).Should().HaveCount(4, "four weeks start in May 2025");
        ((Dictionary<string, object?>)model["responses"]!)["hasMedian"].Should().Be(true);
        WebUtility.HtmlDecode(html).Should().Contain("Riverside City Library").And.Contain("Instagram").And.Contain("Mastodon").And.Contain("Bluesky");
    }
}
