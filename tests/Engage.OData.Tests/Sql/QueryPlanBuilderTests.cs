using Engage.OData.Errors;
using Engage.OData.Paging;
using Engage.OData.Sql;

namespace Engage.OData.Tests.Sql;

public sealed class QueryPlanBuilderTests
{
    private const string AllColumns = "SELECT \"Id\", \"CustomerId\", \"product_name\", \"Note\", \"Amount\", \"Quantity\", \"Price\", \"Paid\", \"OrderDate\", \"ShippedAt\" FROM \"Orders\"";

    [Fact]
    public void Build_StringEquality_BindsTheLiteralAsParameter()
    {
        var plan = PlanHelper.Plan("Orders?$filter=Product eq 'x'' OR 1=1 --'");

        plan.Page!.Text.Should().Be(AllColumns + " WHERE (\"product_name\" = @_p0) ORDER BY \"Id\" ASC LIMIT @_p1 OFFSET @_p2");
        PlanHelper.Values(plan.Page).Should().Equal("x' OR 1=1 --", 101L, 0L);
    }

    [Fact]
    public void Build_NullComparisons_UseIsNull()
    {
        var plan = PlanHelper.Plan("Orders?$filter=Note eq null or Price ne null&$select=Id");

        plan.Page!.Text.Should().Contain("WHERE ((\"Note\" IS NULL) OR (\"Price\" IS NOT NULL))");
    }

    [Fact]
    public void Build_NullableComparisons_AreTwoValued()
    {
        var plan = PlanHelper.Plan("Orders?$filter=Note ne 'a' and Price gt 2.5&$select=Id");

        plan.Page!.Text.Should().Contain("WHERE ((\"Note\" IS NOT @_p0) AND (\"Price\" > @_p1 AND \"Price\" IS NOT NULL))");
    }

    [Fact]
    public void Build_TypedLiterals_AreConvertedToStorageValues()
    {
        var plan = PlanHelper.Plan("Orders?$filter=Paid eq true and OrderDate eq 2024-01-15 and ShippedAt lt 2024-01-05T12:00:00%2B02:00 and Quantity eq 3 and Price eq 1.25");

        PlanHelper.Values(plan.Page!).Take(5).Should().Equal(1L, "2024-01-15", "2024-01-05T10:00:00.0000000Z", 3L, 1.25d);
    }

    [Fact]
    public void Build_OrderBy_AppendsKeyOnlyWhenMissing()
    {
        PlanHelper.Plan("Orders?$orderby=Product desc,Amount").Page!.Text
            .Should().Contain("ORDER BY \"product_name\" DESC, \"Amount\" ASC, \"Id\" ASC LIMIT");
        PlanHelper.Plan("Orders?$orderby=Id desc").Page!.Text.Should().Contain("ORDER BY \"Id\" DESC LIMIT");
    }

    [Fact]
    public void Build_RowScope_IsAndedIntoPageAndCount()
    {
        var scope = new SqlCondition("\"workspace_id\" IN (@ws0, @ws1)", new Dictionary<string, object?> { ["@ws0"] = 1L, ["ws1"] = 2L });

        var plan = PlanHelper.Plan("Orders?$filter=Paid&$count=true&$select=Id", scope);

        plan.Page!.Text.Should().Contain("WHERE (\"workspace_id\" IN (@ws0, @ws1)) AND (\"Paid\" IS 1)");
        plan.Count!.Text.Should().Be("SELECT COUNT(*) FROM \"Orders\" WHERE (\"workspace_id\" IN (@ws0, @ws1)) AND (\"Paid\" IS 1)");
        plan.Count.Parameters.Select(p => p.Key).Should().Equal("@ws0", "@ws1");
    }

    [Fact]
    public void Build_RowScopeWithoutFilter_StillRestrictsKeyLookupAndCountSegment()
    {
        var scope = new SqlCondition("\"workspace_id\" = @ws", new Dictionary<string, object?> { ["@ws"] = 1L });

        PlanHelper.Plan("Orders(5)", scope).Page!.Text.Should().EndWith("WHERE (\"workspace_id\" = @ws) AND \"Id\" = @_p0");
        PlanHelper.Plan("Orders/$count", scope).Count!.Text.Should().Be("SELECT COUNT(*) FROM \"Orders\" WHERE (\"workspace_id\" = @ws)");
    }

    [Fact]
    public void Build_Paging_FetchesOneExtraRowAndCarriesRemainingTop()
    {
        var plan = PlanHelper.Plan("Orders?$top=250&$skip=5", preferences: new ClientPreferences(40, false));

        plan.RowsToWrite.Should().Be(40);
        plan.CanHaveMore.Should().BeTrue();
        plan.RemainingTop.Should().Be(210);
        plan.NextOffset.Should().Be(45);
        plan.AppliedMaxPageSize.Should().Be(40);
        PlanHelper.Values(plan.Page!).Should().Equal(41L, 5L);
    }

    [Fact]
    public void Build_TopWithinPage_FetchesExactlyTop()
    {
        var plan = PlanHelper.Plan("Orders?$top=7");

        plan.CanHaveMore.Should().BeFalse();
        PlanHelper.Values(plan.Page!).Should().Equal(7L, 0L);
    }

    [Fact]
    public void Build_SkipTokenOverflowingWithSkip_IsRefused()
    {
        var token = SkipToken.Encode(long.MaxValue - 1, "Orders\n\n");

        var act = () => PlanHelper.Plan($"Orders?$skiptoken={token}&$skip=10");

        act.Should().Throw<Exception>().Which.Should().Match<Exception>(e => e is OverflowException || e is ODataRequestException);
    }

    [Fact]
    public void Build_DeepOrChain_IsRefusedBeforeReachingTheDatabase()
    {
        var filter = string.Join(" or ", Enumerable.Range(1, 600).Select(i => $"Id eq {i}"));

        var act = () => PlanHelper.Plan("Orders?$filter=" + filter);

        act.Should().Throw<ODataRequestException>().Which.StatusCode.Should().Be(400);
    }
}
