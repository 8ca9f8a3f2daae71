using Engage.Plugins.EngagementMetrics.Engagement;
using Engage.Plugins.Tests.Fakes;
using Engage.Sdk.Data;
using Engage.Sdk.Metrics;

namespace Engage.Plugins.Tests.EngagementMetrics;

/// <summary>
/// Hand-computed figures. Account 1 is on Mastodon, account 2 on Instagram. Posts:
/// P1 Sun 30 Mar, acct 2: 100 engagements / 2000 impressions;
/// P2 Mon 31 Mar, acct 2: 50 / 1000;  P3 Mon 31 Mar, acct 1: 10 / unknown;
/// P4 Tue 1 Apr, acct 1: unknown / unknown;  P5 Wed 2 Apr, acct 2: 30 / 0;
/// P6 Mon 7 Apr, acct 1: 20 / 400.
/// </summary>
public sealed class EngagementCalculatorTests
{
    private const string PerPost = "engagements_per_post";
    private const string Rate = "engagement_rate_impressions";
    private static readonly DateRange Range = new(new DateOnly(2025, 3, 24), new DateOnly(2025, 4, 13));
    private readonly EngagementCalculator _calculator = new();

    [Fact]
    public async Task ComputeAsync_Weeks_GroupByIsoWeekAcrossTheMonthBoundary()
    {
        var values = await ComputeAsync(Data(), MetricPeriod.Week);

        // Week of Mon 24 Mar: P1 (Sunday 30 Mar belongs to it).
        Find(values, PerPost, "2025-03-24", null).Should().Be("100 | 100 / 1");
        Find(values, Rate, "2025-03-24", null).Should().Be("0.05 | 100 / 2000");
        Find(values, Rate, "2025-03-24", 2).Should().Be("0.05 | 100 / 2000");
        // Week of Mon 31 Mar runs into April: P2, P3, P4 (unknown, left out), P5.
        Find(values, PerPost, "2025-03-31", null).Should().Be("30 | 90 / 3");
        Find(values, PerPost, "2025-03-31", 1).Should().Be("10 | 10 / 1");
        Find(values, PerPost, "2025-03-31", 2).Should().Be("40 | 80 / 2");
        Find(values, Rate, "2025-03-31", null).Should().Be("0.08 | 80 / 1000");
        Find(values, Rate, "2025-03-31", 2).Should().Be("0.08 | 80 / 1000");
        Find(values, Rate, "2025-03-31", 1).Should().BeNull("account 1 had no post with known impressions that week");
        // Week of Mon 7 Apr: P6.
        Find(values, Rate, "2025-04-07", 1).Should().Be("0.05 | 20 / 400");
        values.Select(v => v.Date).Distinct().Should().Equal(Day("2025-03-24"), Day("2025-03-31"), Day("2025-04-07"));
    }

    [Fact]
    public async Task ComputeAsync_Months_OnlyThoseStartingInTheRange()
    {
        var values = await ComputeAsync(Data(), MetricPeriod.Month);

        values.Should().OnlyContain(v => v.Date == Day("2025-04-01"), "March starts before the range");
        Find(values, PerPost, "2025-04-01", null).Should().Be("25 | 50 / 2");
        Find(values, PerPost, "2025-04-01", 1).Should().Be("20 | 20 / 1");
        Find(values, PerPost, "2025-04-01", 2).Should().Be("30 | 30 / 1");
        Find(values, Rate, "2025-04-01", null).Should().Be("0.125 | 50 / 400", "P5 counts: its impressions are known, they are zero");
        Find(values, Rate, "2025-04-01", 1).Should().Be("0.05 | 20 / 400");
        Find(values, Rate, "2025-04-01", 2).Should().BeNull("zero impressions give no value, not a division by zero");
    }

    [Fact]
    public async Task ComputeAsync_Days_SkipNullEngagementsAndZeroImpressions()
    {
        var values = await ComputeAsync(Data(), MetricPeriod.Day);

        values.Should().NotContain(v => v.Date == Day("2025-04-01"), "the only post of that day has unknown engagements");
        Find(values, PerPost, "2025-04-02", 2).Should().Be("30 | 30 / 1");
        Find(values, Rate, "2025-04-02", null).Should().BeNull();
        values.Should().OnlyContain(v => double.IsFinite(v.Value));
    }

    [Fact]
    public async Task ComputeAsync_Values_CarryAccountAndNetworkOrNeither()
    {
        var values = await ComputeAsync(Data(), MetricPeriod.Week);

        values.Where(v => v.AccountId == 1).Should().OnlyContain(v => v.Network == "mastodon");
        values.Where(v => v.AccountId == 2).Should().OnlyContain(v => v.Network == "instagram");
        values.Where(v => v.AccountId == null).Should().OnlyContain(v => v.Network == null);
        values.Should().OnlyContain(v => v.Numerator != null && v.Denominator > 0);
    }

    [Fact]
    public async Task ComputeAsync_SeveralPeriods_StreamInADeterministicOrder()
    {
        var values = await ComputeAsync(Data(), MetricPeriod.Month, MetricPeriod.Week);

        values.Select(v => $"{v.Period} {v.Date:MM-dd} {v.Metric} {v.AccountId}").Should().Equal(
            "Month 04-01 engagements_per_post ",
            "Month 04-01 engagements_per_post 1",
            "Month 04-01 engagements_per_post 2",
            "Month 04-01 engagement_rate_impressions ",
            "Month 04-01 engagement_rate_impressions 1",
            "Week 03-24 engagements_per_post ",
            "Week 03-24 engagements_per_post 2",
            "Week 03-24 engagement_rate_impressions ",
            "Week 03-24 engagement_rate_impressions 2",
            "Week 03-31 engagements_per_post ",
            "Week 03-31 engagements_per_post 1",
            "Week 03-31 engagements_per_post 2",
            "Week 03-31 engagement_rate_impressions ",
            "Week 03-31 engagement_rate_impressions 2",
            "Week 04-07 engagements_per_post ",
            "Week 04-07 engagements_per_post 1",
            "Week 04-07 engagement_rate_impressions ",
            "Week 04-07 engagement_rate_impressions 1");
        (await ComputeAsync(Data(), MetricPeriod.Month, MetricPeriod.Week)).Should().BeEquivalentTo(values, o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task ComputeAsync_WeekStartingOnTheLastDayOfTheRange_IncludesTheWholeWeek()
    {
        var data = Data();
        data.Posts.Add(Post(7, 1, "2025-04-09", 40, 600));

        var values = await ComputeAsync(data, new DateRange(Day("2025-03-24"), Day("2025-04-07")), MetricPeriod.Week);

        Find(values, PerPost, "2025-04-07", 1).Should().Be("30 | 60 / 2");
        Find(values, Rate, "2025-04-07", 1).Should().Be("0.06 | 60 / 1000");
    }

    [Fact]
    public async Task ComputeAsync_RangeStartingMidWeek_LeavesThatWeekOut()
    {
        var values = await ComputeAsync(Data(), new DateRange(Day("2025-03-26"), Day("2025-04-13")), MetricPeriod.Week);

        values.Select(v => v.Date).Distinct().Should().Equal(Day("2025-03-31"), Day("2025-04-07"));
    }

    [Fact]
    public async Task ComputeAsync_NoPosts_ProducesNothing()
    {
        var data = new InMemoryWorkspaceData(WorkspaceDataKinds.Posts | WorkspaceDataKinds.Accounts);

        (await ComputeAsync(data, MetricPeriod.Day, MetricPeriod.Week, MetricPeriod.Month)).Should().BeEmpty();
    }

    [Fact]
    public async Task ComputeAsync_CancelledToken_Stops()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var act = async () =>
        {
            await foreach (var _ in _calculator.ComputeAsync(Data(), new MetricRequest(Range, [MetricPeriod.Day]), cancellation.Token))
            {
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void Info_Always_DescribesBothMetrics()
    {
        _calculator.Info.Name.Should().Be("engagement");
        _calculator.Info.Version.Should().Be("1.0.0");
        _calculator.Info.Reads.Should().Be(WorkspaceDataKinds.Posts | WorkspaceDataKinds.Accounts);
        _calculator.Info.Metrics.Select(m => (m.Name, m.Unit)).Should().Equal((PerPost, "engagements"), (Rate, "ratio"));
        _calculator.Info.Metrics.Should().OnlyContain(m => m.Description.Length > 20 && m.Formula.Contains(" / "));
    }

    private static InMemoryWorkspaceData Data()
    {
        var data = new InMemoryWorkspaceData(WorkspaceDataKinds.Posts | WorkspaceDataKinds.Accounts);
        data.Accounts.Add(new AccountView(1, "mastodon", "@library@social.riverside.example", "Library", 3000));
        data.Accounts.Add(new AccountView(2, "instagram", "riversidecitylibrary", "Library", 8000));
        data.Posts.Add(Post(1, 2, "2025-03-30", 100, 2000));
        data.Posts.Add(Post(2, 2, "2025-03-31", 50, 1000));
        data.Posts.Add(Post(3, 1, "2025-03-31", 10, null));
        data.Posts.Add(Post(4, 1, "2025-04-01", null, null));
        data.Posts.Add(Post(5, 2, "2025-04-02", 30, 0));
        data.Posts.Add(Post(6, 1, "2025-04-07", 20, 400));
        return data;
    }

    private static PostView Post(long id, long account, string date, long? engagements, long? impressions) =>
        new(id, account, account == 1 ? "mastodon" : "instagram", new DateTimeOffset(Day(date).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero), Day(date))
        {
            Engagements = engagements,
            Impressions = impressions,
        };

    private static DateOnly Day(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The value, numerator and denominator as "value | numerator / denominator", or null when there is no value.</summary>
    private static string? Find(List<MetricValueItem> values, string metric, string date, long? account)
    {
        var found = values.SingleOrDefault(v => v.Metric == metric && v.Date == Day(date) && v.AccountId == account);
        return found is null
            ? null
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Math.Round(found.Value, 10)} | {found.Numerator} / {found.Denominator}");
    }

    private Task<List<MetricValueItem>> ComputeAsync(InMemoryWorkspaceData data, params MetricPeriod[] periods) =>
        ComputeAsync(data, Range, periods);

    private async Task<List<MetricValueItem>> ComputeAsync(InMemoryWorkspaceData data, DateRange range, params MetricPeriod[] periods)
    {
        var values = new List<MetricValueItem>();
        await foreach (var value in _calculator.ComputeAsync(data, new MetricRequest(range, periods), CancellationToken.None))
        {
            values.Add(value);
        }

        return values;
    }
}
