using Engage.OData.Binding;
using Engage.OData.Hosting;
using Engage.OData.Paging;
using Engage.OData.Query;
using Engage.OData.Sql;
using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Sql;

/// <summary>Parses a URL against the test model and builds its plan, without a database.</summary>
internal static class PlanHelper
{
    private const string Root = "http://host/odata";

    public static ServiceBinding Service { get; } = ServiceBindingFactory.Create(new ODataServiceDefinition
    {
        Model = TestModel.Create(),
        EntitySets =
        [
            new EntitySetMapping("Orders", "Orders") { Columns = new Dictionary<string, string> { ["Product"] = "product_name" } },
            new EntitySetMapping("Customers", "Customers"),
        ],
        OpenConnection = _ => throw new InvalidOperationException("No database in plan tests."),
        PageSize = 100,
    });

    public static QueryPlan Plan(string relativeUrl, SqlCondition? scope = null, ClientPreferences? preferences = null)
    {
        var parsed = ODataRequestParser.Parse(Service, Root + "/", Root + "/" + relativeUrl);
        var query = relativeUrl.Contains('?', StringComparison.Ordinal) ? relativeUrl[relativeUrl.IndexOf('?', StringComparison.Ordinal)..] : null;
        var options = RawQueryOptions.Parse(query, 32_768, 8_192);
        return QueryPlanBuilder.Build(parsed, Service, scope, preferences ?? new ClientPreferences(null, false), NextLinkBuilder.Shape(parsed.EntitySet.Name, options));
    }

    public static object?[] Values(SqlStatement statement) => [.. statement.Parameters.Select(p => p.Value)];
}
