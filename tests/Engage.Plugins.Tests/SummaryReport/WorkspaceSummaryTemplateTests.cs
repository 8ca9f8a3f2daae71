using System.Collections;
using Engage.Plugins.SummaryReport.Summary;

namespace Engage.Plugins.Tests.SummaryReport;

public sealed class WorkspaceSummaryTemplateTests
{
    private readonly WorkspaceSummaryTemplate _template = new();

    [Fact]
    public async Task BuildModelAsync_SampleWorkspace_ComputesTheTotals()
    {
        var model = await _template.BuildModelAsync(SummaryWorkspace.Sample(), SummaryWorkspace.Request, CancellationToken.None);

        model["workspace"].Should().Be("Riverside City Library");
        model["periodStart"].Should().Be("2025-03-01");
        model["periodEnd"].Should().Be("2025-03-31");
        model["hasPosts"].Should().Be(true);
        var totals = Map(model["totals"]);
        totals["posts"].Should().Be(8L);
        totals["engagementsText"].Should().Be("310");
        totals["impressionsText"].Should().Be("6,000");
        totals["engagementRateText"].Should().Be("4.7 %", "280 engagements on 6,000 impressions, posts without impressions left out");
        totals["inbound"].Should().Be(16L);
        totals["outboundReplies"].Should().Be(5L);
        totals["conversationOpeners"].Should().Be(10L);
        totals["conversationRatioText"].Should().Be("0.50", "5 answers for 6 comments, 2 mentions and 2 messages");
        List(totals["inboundByKind"]).Select(Map).Select(k => $"{k["kind"]} {k["count"]}")
            .Should().Equal("Comment 6", "Reply 0", "Mention 2", "Message 2", "Reaction 5", "Share 0", "Follow 1", "Quote 0");
    }

    [Fact]
    public async Task BuildModelAsync_SampleWorkspace_HasOneRowPerAccount()
    {
        var model = await _template.BuildModelAsync(SummaryWorkspace.Sample(), SummaryWorkspace.Request, CancellationToken.None);

        var rows = List(model["accounts"]).Select(Map).ToList();
        rows.Select(r => $"{r["networkName"]}|{r["displayName"]}|{r["followersText"]}|{r["postsText"]}|{r["engagementsText"]}|{r["impressionsText"]}|{r["engagementRateText"]}|{r["inboundText"]}|{r["outboundRepliesText"]}|{r["conversationRatioText"]}")
            .Should().Equal(
                "Mastodon|Riverside City Library|3,200|3|30|n/a|n/a|5|1|0.25",
                "Instagram|riversidecitylibrary|n/a|5|280|6,000|4.7 %|11|4|0.67");
    }

    [Fact]
    public async Task BuildModelAsync_SampleWorkspace_ListsTheTopFivePostsShortenedAndSafe()
    {
        var model = await _template.BuildModelAsync(SummaryWorkspace.Sample(), SummaryWorkspace.Request, CancellationToken.None);

        var top = List(model["topPosts"]).Select(Map).ToList();
        top.Select(p => p["engagements"]).Should().Equal(100L, 60L, 50L, 40L, 30L);
        top.Select(p => p["rank"]).Should().Equal(1L, 2L, 3L, 4L, 5L);
        var first = (string)top[0]["text"]!;
        first.Should().StartWith("کتاب‌های تازه").And.EndWith("…");
        new System.Globalization.StringInfo(first).LengthInTextElements.Should().Be(SummaryModel.PostTextLength + 1);
        top[0]["engagementRateText"].Should().Be("5.0 %");
        top[0]["url"].Should().Be("https://example.org/posts/4");
        top[4]["hasUrl"].Should().Be(false, "a javascript: address never becomes a link");
        top[4]["url"].Should().Be("");
    }

    [Fact]
    public async Task BuildModelAsync_SampleWorkspace_GivesTheMedianFirstResponseAndWeeklyRates()
    {
        var model = await _template.BuildModelAsync(SummaryWorkspace.Sample(), SummaryWorkspace.Request, CancellationToken.None);

        var responses = Map(model["responses"]);
        responses["medianFirstResponseSeconds"].Should().Be(9000L);
        responses["medianFirstResponseText"].Should().Be("2 h 30 min");
        responses["answeredText"].Should().Be("3");
        responses["conversationsText"].Should().Be("4");
        List(model["weeklyRates"]).Select(Map).Select(w => $"{w["week"]} {w["valueText"]} {w["engagementsText"]} {w["impressionsText"]}")
            .Should().Equal("2025-03-03 5.0 % 100 2,000", "2025-03-10 4.2 % 270 6,000");
    }

    [Fact]
    public async Task BuildModelAsync_EmptyWorkspace_SaysNoPostsAndDividesByNothing()
    {
        var model = await _template.BuildModelAsync(SummaryWorkspace.Empty(), SummaryWorkspace.Request, CancellationToken.None);

        model["hasPosts"].Should().Be(false);
        model["emptyText"].Should().Be("No posts in this period");
        model["hasTopPosts"].Should().Be(false);
        model["hasWeeklyRates"].Should().Be(false);
        var totals = Map(model["totals"]);
        totals["postsText"].Should().Be("0");
        totals["impressionsText"].Should().Be("n/a");
        totals["engagementRateText"].Should().Be("n/a");
        totals["conversationRatioText"].Should().Be("n/a");
        Map(model["responses"])["medianFirstResponseText"].Should().Be("n/a");
    }

    [Fact]
    public async Task BuildModelAsync_AnyWorkspace_ReturnsOnlyPlainData()
    {
        foreach (var data in new[] { SummaryWorkspace.Sample(), SummaryWorkspace.Empty() })
        {
            var model = await _template.BuildModelAsync(data, SummaryWorkspace.Request, CancellationToken.None);

            AssertPlain(model, "model");
        }
    }

    [Fact]
    public async Task BuildModelAsync_CancelledToken_Stops()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var act = () => _template.BuildModelAsync(SummaryWorkspace.Sample(), SummaryWorkspace.Request, cancellation.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void Info_Always_DeclaresTheTemplateFileAndTheDataItReads()
    {
        _template.Info.Name.Should().Be("workspace-summary");
        _template.Info.Version.Should().Be("1.0.0");
        _template.Info.TemplateFile.Should().Be("templates/workspace-summary.hbs");
        _template.Info.Reads.Should().Be(
            Sdk.Data.WorkspaceDataKinds.Accounts | Sdk.Data.WorkspaceDataKinds.Posts | Sdk.Data.WorkspaceDataKinds.Interactions
            | Sdk.Data.WorkspaceDataKinds.Conversations | Sdk.Data.WorkspaceDataKinds.MetricValues);
    }

    private static void AssertPlain(object? value, string path)
    {
        switch (value)
        {
            case null or string or long or double or bool:
                return;
            case Dictionary<string, object?> map:
                foreach (var (key, item) in map)
                {
                    AssertPlain(item, $"{path}.{key}");
                }

                return;
            case List<object?> list:
                for (var i = 0; i < list.Count; i++)
                {
                    AssertPlain(list[i], $"{path}[{i}]");
                }

                return;
            default:
                throw new Xunit.Sdk.XunitException($"{path} is a {value.GetType().Name}; the model must hold plain data only.");
        }
    }

    private static Dictionary<string, object?> Map(object? value) => value.Should().BeOfType<Dictionary<string, object?>>().Subject;

    private static List<object?> List(object? value) => value.Should().BeAssignableTo<IList>().Subject.Cast<object?>().ToList();
}
