namespace Engage.OData.Tests.Sql;

public sealed class FunctionPlanTests
{
    [Theory]
    [InlineData("Orders?$filter=contains(Product,'x%_') or startswith(Note,'y') or endswith(Product,'z')")]
    [InlineData("Orders?$search=widget OR \"a b\"")]
    public void Build_TextMatching_UsesInstrOrSubstrNeverLike(string url)
    {
        var plan = PlanHelper.Plan(url);

        plan.Page!.Text.Should().NotContain("LIKE").And.NotContain("x%_").And.NotContain("widget");
        plan.Page.Text.Should().Match(text => text.Contains("instr(", StringComparison.Ordinal) || text.Contains("substr(", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_FunctionsAndArithmetic_BindEveryLiteralAsParameter()
    {
        var plan = PlanHelper.Plan("Orders?$filter=substring(Product,1,2) eq 'id' and Quantity add 7 gt 9 and year(OrderDate) eq 2024&$select=Id");

        plan.Page!.Text.Should().Contain("substr(\"product_name\", max(@_p0, 0) + 1, max(@_p1, 0))");
        plan.Page.Text.Should().NotContain("'id'").And.NotContain(" 7 ").And.NotContain("2024");
        PlanHelper.Values(plan.Page).Take(6).Should().Equal(1L, 2L, "id", 7L, 9L, 2024L);
    }

    [Fact]
    public void Build_IntegerAndDoubleDivision_AreSpeltDifferently()
    {
        PlanHelper.Plan("Orders?$filter=Quantity div 2 eq 1&$select=Id").Page!.Text.Should().Contain("(\"Quantity\" / @_p0)");
        PlanHelper.Plan("Orders?$filter=Amount div 2 eq 1&$select=Id").Page!.Text.Should().Contain("(CAST(\"Amount\" AS REAL) / @_p0)");
    }
}
