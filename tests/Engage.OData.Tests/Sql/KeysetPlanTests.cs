using Engage.OData.Errors;
using Engage.OData.Paging;
using Engage.OData.Query;
using Engage.OData.Sql;

namespace Engage.OData.Tests.Sql;

/// <summary>
/// Page 2 and later of a column-ordered query seek past the last row's sort values (no OFFSET); an order by an
/// expression keeps the offset. Tokens are made here as the engine makes them, for the shape of each URL.
/// </summary>
public sealed class KeysetPlanTests
{
    [Fact]
    public void Build_DefaultOrderWithKeysetToken_SeeksPastTheKeyWithoutOffset()
    {
        var plan = PlanHelper.Plan(WithKeyset("Orders?$select=Id,Amount", 100L));

        plan.Page!.Text.Should().Be("SELECT \"Id\", \"Amount\" FROM \"Orders\" WHERE (\"Id\" > @_p0) ORDER BY \"Id\" ASC LIMIT @_p1");
        PlanHelper.Values(plan.Page).Should().Equal(100L, 101L);
    }

    [Fact]
    public void Build_FirstPage_KeepsOffsetAndSelectsTheSortColumns()
    {
        var plan = PlanHelper.Plan("Orders?$select=Id&$orderby=Amount desc,Note");

        plan.Page!.Text.Should().Be(
            "SELECT \"Id\", \"Amount\", \"Note\" FROM \"Orders\" ORDER BY \"Amount\" DESC, \"Note\" ASC, \"Id\" ASC LIMIT @_p0 OFFSET @_p1");
        plan.Columns.Select(c => c.Property.Name).Should().Equal(["Id"], "the sort columns are read, never written");
        plan.Keyset.Should().Equal(
            new KeysetColumn(1, Microsoft.OData.Edm.EdmPrimitiveTypeKind.Double),
            new KeysetColumn(2, Microsoft.OData.Edm.EdmPrimitiveTypeKind.String),
            new KeysetColumn(0, Microsoft.OData.Edm.EdmPrimitiveTypeKind.Int64));
    }

    [Fact]
    public void Build_SelectedSortColumn_IsReadFromItsSelectedOrdinal()
    {
        var plan = PlanHelper.Plan("Orders?$select=Note,Amount&$orderby=Amount");

        plan.Page!.Text.Should().StartWith("SELECT \"Id\", \"Note\", \"Amount\" FROM");
        plan.Keyset!.Select(k => k.Ordinal).Should().Equal(2, 0);
    }

    [Fact]
    public void Build_AscendingColumnsWithValues_UseOneRowValueComparison()
    {
        var plan = PlanHelper.Plan(WithKeyset("Orders?$select=Id&$orderby=Product,Note", "Widget", "note 5", 5L));

        plan.Page!.Text.Should().Contain("WHERE ((\"product_name\", \"Note\", \"Id\") > (@_p0, @_p1, @_p2)) ORDER BY").And.EndWith("LIMIT @_p3");
        PlanHelper.Values(plan.Page).Should().Equal("Widget", "note 5", 5L, 101L);
    }

    [Fact]
    public void Build_AscendingNullableColumnAtNull_SeeksTheNonNullRowsAndTheNullsAfterTheKey()
    {
        var plan = PlanHelper.Plan(WithKeyset("Orders?$select=Id&$orderby=Note", null, 9L));

        plan.Page!.Text.Should().Contain("WHERE ((\"Note\" IS NOT NULL) OR (\"Note\" IS NULL AND (\"Id\" > @_p0))) ORDER BY \"Note\" ASC, \"Id\" ASC LIMIT @_p1");
    }

    [Fact]
    public void Build_DescendingNullableColumn_IncludesTheNullsThatSortLast()
    {
        var plan = PlanHelper.Plan(WithKeyset("Orders?$select=Id&$orderby=Price desc", 2.5, 10L));

        plan.Page!.Text.Should().Contain(
            "WHERE ((\"Price\" < @_p0 OR \"Price\" IS NULL) OR (\"Price\" = @_p0 AND (\"Id\" > @_p1))) ORDER BY \"Price\" DESC, \"Id\" ASC LIMIT @_p2");
        PlanHelper.Values(plan.Page).Should().Equal(2.5, 10L, 101L);
    }

    [Fact]
    public void Build_DescendingNullableColumnAtNull_SeeksOnlyAmongTheNulls()
    {
        var plan = PlanHelper.Plan(WithKeyset("Orders?$select=Id&$orderby=Price desc", null, 10L));

        plan.Page!.Text.Should().Contain("WHERE (\"Price\" IS NULL AND (\"Id\" > @_p0)) ORDER BY");
    }

    [Fact]
    public void Build_MixedDirections_BoundTheFirstColumnForAnIndex()
    {
        var plan = PlanHelper.Plan(WithKeyset("Orders?$select=Id&$orderby=Amount desc,Quantity", 4.5, 3L, 3L));

        plan.Page!.Text.Should().Contain(
            "WHERE (\"Amount\" <= @_p0 AND ((\"Amount\" < @_p0) OR (\"Amount\" = @_p0 AND ((\"Quantity\" > @_p1) OR (\"Quantity\" = @_p1 AND (\"Id\" > @_p2))))))");
    }

    [Fact]
    public void Build_KeysetWithScopeFilterAndCount_AndsTheSeekIntoThePageOnly()
    {
        var scope = new SqlCondition("\"workspace_id\" = @ws", new Dictionary<string, object?> { ["@ws"] = 2L });

        var plan = PlanHelper.Plan(WithKeyset("Orders?$filter=Paid&$count=true&$orderby=Amount desc", 9.0, 6L), scope);

        plan.Page!.Text.Should().Contain("WHERE (\"workspace_id\" = @ws) AND (\"Paid\" IS 1) AND (\"Amount\" <= @_p0 AND ");
        plan.Count!.Text.Should().Be("SELECT COUNT(*) FROM \"Orders\" WHERE (\"workspace_id\" = @ws) AND (\"Paid\" IS 1)");
        plan.Count.Parameters.Select(p => p.Key).Should().Equal("@ws");
    }

    [Fact]
    public void Build_KeysetTokenWithSkip_SkipsAfterTheSeek()
    {
        var plan = PlanHelper.Plan(WithKeyset("Orders?$select=Id", 100L) + "&$skip=5");

        plan.Page!.Text.Should().EndWith("WHERE (\"Id\" > @_p0) ORDER BY \"Id\" ASC LIMIT @_p1 OFFSET @_p2");
        PlanHelper.Values(plan.Page).Should().Equal(100L, 101L, 5L);
    }

    [Fact]
    public void Build_KeysetTokenWithTop_CarriesRemainingTopAndPosition()
    {
        var plan = PlanHelper.Plan(WithKeyset("Orders?$select=Id&$top=150", 100L), preferences: new ClientPreferences(40, false));

        plan.RowsToWrite.Should().Be(40);
        plan.RemainingTop.Should().Be(110);
        plan.NextOffset.Should().Be(140, "the token was made at position 100");
    }

    [Theory]
    [InlineData("Orders?$orderby=Amount mul 2")]
    [InlineData("Orders?$orderby=tolower(Product),Id")]
    [InlineData("Orders?$orderby=Customer/Name")]
    [InlineData("Orders?$compute=Amount mul 2 as Twice&$orderby=Twice desc")]
    [InlineData("Orders?$orderby=Amount,Quantity add 1")]
    public void Build_ExpressionOrder_PagesByOffset(string url)
    {
        var token = SkipToken.Encode(200, Shape(url));

        var plan = PlanHelper.Plan(url + "&$skiptoken=" + token);

        plan.Keyset.Should().BeNull();
        plan.Page!.Text.Should().EndWith("LIMIT @_p" + (plan.Page.Parameters.Count - 2) + " OFFSET @_p" + (plan.Page.Parameters.Count - 1));
        PlanHelper.Values(plan.Page)[^1].Should().Be(200L);
        plan.NextOffset.Should().Be(300);
    }

    [Fact]
    public void Build_KeysetTokenOnAnExpressionOrder_Answers400()
    {
        const string url = "Orders?$orderby=Amount mul 2";
        var token = SkipToken.EncodeKeyset(100, [3.0, 2L], Shape(url));

        var act = () => PlanHelper.Plan(url + "&$skiptoken=" + token);

        act.Should().Throw<ODataRequestException>().Which.StatusCode.Should().Be(400);
    }

    [Fact]
    public void Build_KeysetValueOfTheWrongType_Answers400()
    {
        const string url = "Orders?$orderby=Amount";
        var token = SkipToken.EncodeKeyset(100, ["3.0", 2L], Shape(url));

        var act = () => PlanHelper.Plan(url + "&$skiptoken=" + token);

        act.Should().Throw<ODataRequestException>().Which.StatusCode.Should().Be(400);
    }

    private static string WithKeyset(string url, params object?[] values) =>
        url + "&$skiptoken=" + SkipToken.EncodeKeyset(100, values, Shape(url));

    private static string Shape(string url) =>
        NextLinkBuilder.Shape(url[..url.IndexOf('?', StringComparison.Ordinal)], RawQueryOptions.Parse(url[url.IndexOf('?', StringComparison.Ordinal)..], 32_768, 8_192));
}
