using Engage.OData.Apply;
using Engage.OData.Paging;
using Engage.OData.Query;
using Engage.OData.Sql;
using Engage.OData.Tests.Sql;

namespace Engage.OData.Tests.Apply;

/// <summary>The SQL of $apply: one GROUP BY over the filtered table, every literal a parameter, the row scope inside.</summary>
public sealed class ApplyPlanTests
{
    private static readonly SqlCondition Scope = new("\"workspace_id\" = @ws", new Dictionary<string, object?> { ["@ws"] = 7L });

    [Fact]
    public void Build_FilterGroupByAggregate_IsOneGroupByOverTheFilteredTable()
    {
        var plan = Plan("Orders?$apply=filter(Quantity ge 3)/groupby((Product),aggregate($count as Count,Amount with average as Mean))");

        plan.Page!.Text.Should().Be(
            "SELECT \"product_name\" AS \"_c0\", COUNT(*) AS \"_c1\", AVG(\"Amount\") AS \"_c2\" " +
            "FROM \"Orders\" WHERE (\"Quantity\" >= @_p0) GROUP BY \"product_name\" ORDER BY \"_c0\" ASC LIMIT @_p1 OFFSET @_p2");
        PlanHelper.Values(plan.Page).Should().Equal(3L, 101L, 0L);
    }

    [Fact]
    public void Build_WithSomethingOnTopOfTheGroupBy_ReadsItAsADerivedTable()
    {
        var filtered = Plan("Orders?$apply=groupby((Product),aggregate($count as N))&$filter=N gt 2&$orderby=N desc");
        var computed = Plan("Orders?$apply=groupby((Product),aggregate($count as N))/compute(N as M)");

        filtered.Page!.Text.Should().Be(
            "SELECT \"_t0\".\"_c0\", \"_t0\".\"_c1\" FROM (SELECT \"product_name\" AS \"_c0\", COUNT(*) AS \"_c1\" FROM \"Orders\" GROUP BY \"product_name\") AS \"_t0\" " +
            "WHERE (\"_t0\".\"_c1\" > @_p0) ORDER BY \"_t0\".\"_c1\" DESC, \"_t0\".\"_c0\" ASC LIMIT @_p1 OFFSET @_p2");
        computed.Page!.Text.Should().StartWith("SELECT \"_t0\".\"_c0\", \"_t0\".\"_c1\", \"_t0\".\"_c1\" FROM (");
    }

    [Fact]
    public void Build_EveryLiteral_IsAParameter()
    {
        var plan = Plan("Orders?$apply=filter(Product eq 'Gad''get' and Amount gt 12.5)/compute(Quantity add 77 as Q)/groupby((Q),aggregate(Amount with sum as Total))" +
            "/filter(Total gt 99.25)/compute(Total mul 3.5 as T3)&$filter=T3 lt 4242&$orderby=Total desc&$count=true");

        foreach (var statement in new[] { plan.Page!, plan.Count })
        {
            statement.Text.Should().NotContainAny("Gad", "12.5", "77", "99.25", "3.5", "4242", "'");
        }

        PlanHelper.Values(plan.Page!).Should().Contain(["Gad'get", 12.5d, 77L, 99.25d, 3.5d, 4242L]);
    }

    [Fact]
    public void Build_RowScope_IsInTheInnermostWhereOfPageAndCount()
    {
        var plan = Plan("Orders?$apply=groupby((Product),aggregate($count as N))/aggregate(N with max as Most)&$count=true", Scope);

        plan.Page!.Text.Should().Contain("FROM \"Orders\" WHERE (\"workspace_id\" = @ws) GROUP BY \"product_name\"");
        plan.Count.Text.Should().Contain("FROM \"Orders\" WHERE (\"workspace_id\" = @ws) GROUP BY \"product_name\"");
        plan.Page.Parameters.Should().Contain(p => p.Key == "@ws" && Equals(p.Value, 7L));
    }

    [Fact]
    public void Build_GroupByAlongNavigation_CarriesTheTargetScopeInItsSubquery()
    {
        var plan = Plan("Customers?$apply=filter(Orders/any(o: o/Paid))/groupby((Active),aggregate($count as N))", Scope);

        plan.Page!.Text.Should().Contain("EXISTS (SELECT 1 FROM \"Orders\"").And.Contain("AND (\"workspace_id\" = @ws)");
    }

    [Theory]
    [InlineData("compute(Amount as A)")]
    [InlineData("aggregate(Amount with sum as A)")]
    public void Build_AliasesThatInlineExponentially_AreRefusedBeforeTranslation(string start)
    {
        var build = () => Plan("Orders?$apply=" + start + "/compute(A add A add A add A as B)/compute(B add B add B add B as C)/compute(C add C add C add C as D)/compute(D add D add D add D as E)/compute(E add E add E add E as F)/compute(F add F add F add F as G)/compute(G add G add G add G as H)/compute(H add H add H add H as I)/compute(I add I add I add I as J)/compute(J add J add J add J as K)");

        build.Should().Throw<Engage.OData.Errors.ODataRequestException>().Which.Message.Should().Contain("too large");
    }

    [Fact]
    public void Build_ManyLargeExpressions_AreRefusedAsAWhole()
    {
        // A8 inlines to 13,121 terms (under the per-expression limit); ten copies of it are over the total.
        var chain = string.Concat(Enumerable.Range(0, 8).Select(i => $"/compute(A{i} add A{i} add A{i} as A{i + 1})"));
        var copies = string.Join(",", Enumerable.Range(0, 10).Select(i => $"A8 as B{i}"));

        var build = () => Plan($"Orders?$apply=compute(Amount as A0){chain}/compute({copies})");

        build.Should().Throw<Engage.OData.Errors.ODataRequestException>().Which.Message.Should().Contain("in all");
    }

    [Fact]
    public void Build_SumOfIntegers_NeverOverflows()
    {
        Plan("Orders?$apply=aggregate(Quantity with sum as S)").Page!.Text.Should().Contain("SUM(CAST(\"Quantity\" AS REAL))");
    }

    internal static ApplyPlan Plan(string relativeUrl, SqlCondition? scope = null)
    {
        const string root = "http://host/odata";
        var parsed = ODataRequestParser.Parse(PlanHelper.Service, root + "/", root + "/" + relativeUrl);
        var shape = NextLinkBuilder.Shape(parsed.EntitySet.Name, RawQueryOptions.Parse(relativeUrl[relativeUrl.IndexOf('?', StringComparison.Ordinal)..], 32_768, 8_192));
        return ApplyPlanBuilder.Build(parsed, PlanHelper.Service, set => set == "Orders" ? scope : null, new ClientPreferences(null, false), shape);
    }
}
